package dev.larkinbox.inbound.web.inbox;

import dev.larkinbox.domain.feedback.FeedbackType;
import dev.larkinbox.domain.inbox.BrowseFeedback;
import dev.larkinbox.domain.person.People;
import dev.larkinbox.domain.inbox.FeedbackFilter;
import dev.larkinbox.domain.inbox.FeedbackOrder;
import dev.larkinbox.domain.inbox.FeedbackStatus;
import dev.larkinbox.domain.inbox.TriagedFeedback;
import dev.larkinbox.domain.paging.Page;
import dev.larkinbox.domain.triage.Priority;
import dev.larkinbox.inbound.web.Filters;
import dev.larkinbox.inbound.web.Pages;
import dev.larkinbox.inbound.web.access.NeedsSession;
import dev.larkinbox.inbound.web.language.Reader;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.views.ModelAndView;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The inbox: feedback newest first or by priority, filtered as the URL says, a page at a time. */
@Controller
@NeedsSession
@Produces(MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
public class InboxPage {
    private static final int PAGE_SIZE = 50;

    private final BrowseFeedback feedback;
    private final People people;
    private final ViewsBar views;

    InboxPage(BrowseFeedback feedback, ViewsBar views, People people) {
        this.people = people;
        this.feedback = feedback;
        this.views = views;
    }

    @Get
    public HttpResponse<ModelAndView<Map<String, Object>>> inbox(HttpRequest<?> request,
                                                                 @Nullable @QueryValue String status,
                                                                 @Nullable @QueryValue String priority,
                                                                 @Nullable @QueryValue String type,
                                                                 @Nullable @QueryValue String assignee,
                                                                 @Nullable @QueryValue String app,
                                                                 @Nullable @QueryValue String q,
                                                                 @Nullable @QueryValue String sort,
                                                                 @Nullable @QueryValue String cursor) {
        Map<String, Object> model = Pages.model(request, "inbox");
        var query = new InboxQuery(Pages.given(status), Pages.given(priority), Pages.given(type),
                Pages.given(assignee), Pages.given(app), Pages.given(q),
                "priority".equals(Pages.given(sort)) ? "priority" : null); // newest first is the inbox's own order
        model.put("query", query);
        List<String> errors = new ArrayList<>();
        Reader reader = Reader.of(request);
        FeedbackFilter filter = filter(query, errors, reader);
        FeedbackOrder order = order(query);
        Page<TriagedFeedback> page = Pages.page(at -> feedback.list(filter, order, at), PAGE_SIZE,
                cursor, "inbox.this", errors, reader);
        model.put("rows", FeedbackSummary.of(page.items(), people));
        model.put("nextPage", page.nextCursor() == null ? null : query.link(page.nextCursor()));
        model.put("firstPage", cursor == null ? null : query.link(null));
        model.put("errors", errors);
        model.put("statuses", FeedbackStatus.values());
        model.put("priorities", Priority.values());
        // bulk changes and the download work on what the filter matches, counted with the views
        views.addTo(model, request, query, filter);
        model.put("bulk", true);
        model.put("download", query.link(null).replaceFirst("^/", ExportDownload.PATH));
        return HttpResponse.ok(new ModelAndView<>("inbox", model));
    }

    static FeedbackOrder order(InboxQuery query) {
        return "priority".equals(query.sort()) ? FeedbackOrder.PRIORITY : FeedbackOrder.NEWEST;
    }

    /** What a person typed is kept in the form even when it cannot be a filter, with the reason beside it. */
    static FeedbackFilter filter(InboxQuery query, List<String> errors, Reader reader) {
        Set<FeedbackStatus> statuses = Filters.statuses(query.status(), errors, reader);
        Set<Priority> priorities = Filters.priorities(query.priority(), errors, reader);

        FeedbackType type = switch (query.type() == null ? "" : query.type()) {
            case "" -> null;
            case "fault" -> FeedbackType.FAULT;
            case "suggestion" -> FeedbackType.SUGGESTION;
            default -> {
                errors.add(reader.text("error.filter.type"));
                yield null;
            }
        };
        String text = query.q();
        if (text != null && text.length() > FeedbackFilter.MAX_TEXT_LENGTH) {
            errors.add(reader.text("error.filter.search", FeedbackFilter.MAX_TEXT_LENGTH));
            text = null;
        }
        String assignee = InboxQuery.NOBODY.equals(query.assignee()) ? FeedbackFilter.NOBODY : query.assignee();
        return new FeedbackFilter(query.app(), statuses, priorities, type, assignee, text);
    }
}
