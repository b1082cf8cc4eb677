package dev.larkinbox.inbound.web.inbox;

import dev.larkinbox.domain.inbox.FeedbackFilter;
import dev.larkinbox.domain.inbox.FeedbackStatus;
import dev.larkinbox.domain.triage.Priority;
import dev.larkinbox.domain.workflow.Actor;
import dev.larkinbox.domain.workflow.BulkChangeCommand;
import dev.larkinbox.domain.workflow.BulkOutcome;
import dev.larkinbox.domain.workflow.WorkInBulk;
import dev.larkinbox.inbound.web.Pages;
import dev.larkinbox.inbound.web.access.Session;
import dev.larkinbox.inbound.web.access.SignedIn;
import dev.larkinbox.inbound.web.access.NeedsSession;
import dev.larkinbox.inbound.web.language.Reader;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.views.ModelAndView;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One change made to many feedback from the inbox: the rows a person ticked, or all that the inbox's filter matches.
 * The inbox's form asks here (GET) what the change would do; this page says how many will change and why the others
 * will not, and its form (POST, with the session's CSRF token) makes it. Plain forms: no script needed.
 */
@Controller("/bulk")
@NeedsSession
@Produces(MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
public class BulkPage {
    /** The form's fields, passed from the inbox to this page and from its confirmation back. */
    private static final List<String> FIELDS = List.of("scope", "status", "priority", "type", "assignee", "app", "q",
            "toStatus", "toAssignee", "toPriority", "note");

    private final WorkInBulk bulk;

    BulkPage(WorkInBulk bulk) {
        this.bulk = bulk;
    }

    @Get
    public HttpResponse<?> confirm(HttpRequest<?> request, @Nullable @QueryValue List<String> id,
                                   @Nullable @QueryValue String scope, @Nullable @QueryValue String status,
                                   @Nullable @QueryValue String priority, @Nullable @QueryValue String type,
                                   @Nullable @QueryValue String assignee, @Nullable @QueryValue String app,
                                   @Nullable @QueryValue String q, @Nullable @QueryValue String toStatus,
                                   @Nullable @QueryValue String toAssignee, @Nullable @QueryValue String toPriority,
                                   @Nullable @QueryValue String note) {
        return page(request, id, fields(scope, status, priority, type, assignee, app, q, toStatus, toAssignee,
                toPriority, note), false);
    }

    /** The form's body read whole: its {@code id} repeats, once a ticked feedback. */
    @Post
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> change(HttpRequest<?> request, @Body Map<String, Object> body) {
        Session session = SignedIn.posted(request, one(body, "csrf"));
        List<String> ids = values(body.get("id"));
        return page(request, ids, fields(FIELDS.stream().map(name -> one(body, name)).toArray(String[]::new)), true);
    }

    private static @Nullable String one(Map<String, Object> body, String name) {
        List<String> given = values(body.get(name));
        return given.isEmpty() ? null : given.get(0);
    }

    /** A field given once comes as its text, given several times as the list of them. */
    private static List<String> values(@Nullable Object value) {
        if (value instanceof List<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        return value == null ? List.of() : List.of(String.valueOf(value));
    }

    private HttpResponse<?> page(HttpRequest<?> request, @Nullable List<String> ids, Map<String, String> form,
                                 boolean write) {
        Map<String, Object> model = Pages.model(request, "inbox");
        var query = new InboxQuery(form.get("status"), form.get("priority"), form.get("type"), form.get("assignee"),
                form.get("app"), form.get("q"), null);
        model.put("back", query.link(null));
        List<String> selected = ids == null ? List.of() : ids.stream().filter(id -> !id.isBlank()).toList();
        BulkChangeCommand command;
        try {
            command = command(query, selected, form, SignedIn.of(request).actor(), Reader.of(request));
        } catch (Refused e) {
            model.put("error", e.key);
            model.put("errorDetail", e.getMessage());
            return HttpResponse.ok(new ModelAndView<>("bulk", model));
        }
        BulkOutcome outcome = write ? bulk.apply(command) : bulk.preview(command);
        model.put("outcome", outcome);
        model.put("done", write);
        model.put("toStatus", form.get("toStatus"));
        model.put("toAssignee", form.get("toAssignee"));
        model.put("toPriority", form.get("toPriority"));
        model.put("ids", selected);
        model.put("fields", form);
        return HttpResponse.ok(new ModelAndView<>("bulk", model));
    }

    private static BulkChangeCommand command(InboxQuery query, List<String> ids, Map<String, String> form,
                                             Actor actor, Reader reader) {
        boolean all = "filter".equals(form.get("scope"));
        if (!all && ids.isEmpty()) {
            throw new Refused("work.bulk.noneSelected", null);
        }
        String toStatus = form.get("toStatus");
        String toAssignee = form.get("toAssignee");
        String toPriority = form.get("toPriority");
        if (toStatus == null && toAssignee == null && toPriority == null) {
            throw new Refused("work.bulk.noChange", null);
        }
        List<String> errors = new ArrayList<>();
        FeedbackFilter filter = all ? InboxPage.filter(query, errors, reader) : null;
        if (!errors.isEmpty()) {
            throw new Refused("work.bulk.invalid", String.join(" ", errors));
        }
        try {
            return new BulkChangeCommand(all ? null : ids, filter,
                    toStatus == null ? null : FeedbackStatus.fromLabel(toStatus), toAssignee,
                    toPriority == null ? null : Priority.valueOf(toPriority), form.get("note"), actor);
        } catch (IllegalArgumentException e) {
            // the command's messages name the field and the rule, never the value
            throw new Refused("work.bulk.invalid", reader.text(e));
        }
    }

    /** The form's fields a person filled in, by name, blank ones left out, each stripped. */
    private static Map<String, String> fields(String... values) {
        Map<String, String> form = new LinkedHashMap<>();
        for (int i = 0; i < FIELDS.size(); i++) {
            String value = Pages.given(values[i]);
            if (value != null) {
                form.put(FIELDS.get(i), value);
            }
        }
        return form;
    }

    /** A form that cannot be a bulk change: the message's key, and the rule it broke when there is one. */
    private static final class Refused extends RuntimeException {
        private final String key;

        Refused(String key, @Nullable String detail) {
            super(detail, null, false, false);
            this.key = key;
        }
    }
}
