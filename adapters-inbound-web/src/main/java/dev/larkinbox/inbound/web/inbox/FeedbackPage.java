package dev.larkinbox.inbound.web.inbox;

import dev.larkinbox.domain.image.ImageRequest;
import dev.larkinbox.domain.image.KeptImage;
import dev.larkinbox.domain.image.ViewImages;
import dev.larkinbox.domain.inbox.BrowseFeedback;
import dev.larkinbox.domain.inbox.FeedbackStatus;
import dev.larkinbox.domain.inbox.TriagedFeedback;
import dev.larkinbox.domain.person.People;
import dev.larkinbox.domain.problem.BrowseProblems;
import dev.larkinbox.domain.problem.Problem;
import dev.larkinbox.domain.reply.NoReporterException;
import dev.larkinbox.domain.triage.Priority;
import dev.larkinbox.domain.workflow.BrowseHistory;
import dev.larkinbox.domain.workflow.ConcurrentChangeException;
import dev.larkinbox.domain.workflow.FeedbackNotFoundException;
import dev.larkinbox.domain.workflow.HistoryEntry;
import dev.larkinbox.domain.workflow.ImpossibleTransitionException;
import dev.larkinbox.domain.workflow.StaleVersionException;
import dev.larkinbox.domain.workflow.WorkFeedback;
import dev.larkinbox.domain.workflow.WorkFeedbackCommand;
import dev.larkinbox.domain.workflow.WorkflowPolicy;
import dev.larkinbox.inbound.web.EventLinks;
import dev.larkinbox.inbound.web.Pages;
import dev.larkinbox.inbound.web.access.NeedsSession;
import dev.larkinbox.inbound.web.access.Session;
import dev.larkinbox.inbound.web.access.SignedIn;
import dev.larkinbox.inbound.web.language.Reader;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.views.ModelAndView;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** One feedback: every field, its triage, its history, and the form a person works it with. */
@Controller("/feedback")
@NeedsSession
@Produces(MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
public class FeedbackPage {
    private final BrowseFeedback feedback;
    private final BrowseHistory history;
    private final WorkFeedback work;
    private final BrowseProblems problems;
    private final EventLinks links;
    private final ReporterSection reporter;
    private final ViewImages images;
    private final People people;

    FeedbackPage(BrowseFeedback feedback, BrowseHistory history, WorkFeedback work, BrowseProblems problems,
                 EventLinks links, ReporterSection reporter, ViewImages images, People people) {
        this.people = people;
        this.feedback = feedback;
        this.history = history;
        this.work = work;
        this.problems = problems;
        this.links = links;
        this.reporter = reporter;
        this.images = images;
    }

    @Get("/{id}")
    public HttpResponse<?> show(HttpRequest<?> request, @PathVariable String id, @Nullable @QueryValue String saved,
                                @Nullable @QueryValue String replied) {
        Reader reader = Reader.of(request);
        return page(request, id, saved != null ? reader.text("work.saved")
                : replied != null ? reader.text("reporter.recorded") : null, null);
    }

    /** A reply to the reporter, from the app's bot; recorded in the history like a change. */
    @Post("/{id}/replies")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> reply(HttpRequest<?> request, @PathVariable String id, @Nullable String csrf,
                                 @Nullable String text) {
        Session session = SignedIn.posted(request, csrf);
        Reader reader = Reader.of(request);
        try {
            reporter.reply(id, text, session.actor());
        } catch (IllegalArgumentException e) {
            return page(request, id, null, reader.text("reporter.not-sent", reader.text(e)));
        } catch (NoReporterException e) {
            return page(request, id, null, reader.text("reporter.not-sent.nobody"));
        } catch (ConcurrentChangeException e) {
            return page(request, id, null, reader.text("reporter.not-sent.changing"));
        } catch (FeedbackNotFoundException e) {
            return Pages.notFound(request, "inbox", "feedback");
        }
        return HttpResponse.seeOther(URI.create(path(id) + "?replied"));
    }

    /**
     * The inbox's copy of one of the feedback's images, to signed-in people: the type found in its bytes, never run
     * as a page (sandboxed, not sniffed), kept by no shared cache.
     */
    @Get(value = "/{id}/images/{position}", produces = {"image/png", "image/jpeg", "image/gif", "image/webp"})
    public HttpResponse<?> image(HttpRequest<?> request, @PathVariable String id, @PathVariable int position) {
        KeptImage kept = position < 0 ? null : images.image(new ImageRequest(id, position)).orElse(null);
        if (kept == null) {
            return Pages.notFound(request, "inbox", "image");
        }
        return HttpResponse.ok(kept.content()).contentType(kept.type().contentType())
                .header("Content-Security-Policy", "default-src 'none'; sandbox")
                .header(HttpHeaders.CACHE_CONTROL, "private");
    }

    @Post("/{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> save(HttpRequest<?> request, @PathVariable String id, @Nullable String csrf,
                                @Nullable String version, @Nullable String status, @Nullable String assignee,
                                @Nullable String priority, @Nullable String note) {
        Session session = SignedIn.posted(request, csrf);
        TriagedFeedback item = feedback.find(id).orElse(null);
        if (item == null) {
            return Pages.notFound(request, "inbox", "feedback");
        }
        Reader reader = Reader.of(request);
        long seen;
        try {
            seen = Long.parseLong(Objects.requireNonNullElse(version, ""));
        } catch (NumberFormatException e) {
            return page(request, id, null, reader.text("work.lost-version"));
        }
        WorkFeedbackCommand command;
        try {
            command = command(item, session, seen, status, assignee, priority, note);
        } catch (IllegalArgumentException e) {
            // the command's messages name the field and the rule, never the value
            return page(request, id, null, reader.text("work.not-saved", reader.text(e)));
        }
        if (command == null) {
            return page(request, id, reader.text("work.nothing"), null);
        }
        try {
            work.work(command);
        } catch (StaleVersionException | ConcurrentChangeException e) {
            return page(request, id, null, reader.text("work.stale"));
        } catch (ImpossibleTransitionException e) {
            return page(request, id, null, reader.text("work.not-saved", reader.text(e.transition().reason())));
        } catch (FeedbackNotFoundException e) {
            return Pages.notFound(request, "inbox", "feedback");
        }
        return HttpResponse.seeOther(URI.create(path(id) + "?saved"));
    }

    /** Only what the form changed goes into the command; null when it changed nothing. */
    private static @Nullable WorkFeedbackCommand command(TriagedFeedback item, Session session,
                                                         long seen, @Nullable String status,
                                                         @Nullable String assignee, @Nullable String priority,
                                                         @Nullable String note) {
        FeedbackStatus newStatus = status == null || status.equals(item.status().label()) ? null
                : FeedbackStatus.fromLabel(status);
        String assigned = assignee == null ? "" : assignee.strip();
        String newAssignee = assigned.equals(Objects.requireNonNullElse(item.assignee(), "")) ? null
                : assigned.isEmpty() ? WorkFeedbackCommand.UNASSIGN : assigned;
        Priority newPriority = priority == null || priority.equals(item.triage().priority().name()) ? null
                : Priority.valueOf(priority);
        String newNote = note == null || note.isBlank() ? null : note.strip();
        if (newStatus == null && newAssignee == null && newPriority == null && newNote == null) {
            return null;
        }
        return new WorkFeedbackCommand(item.feedback().feedbackId(), newStatus, newAssignee, newPriority, newNote,
                seen, session.actor());
    }

    /**
     * A change refused (stale, not allowed, invalid) is answered 200 with the page and the reason: it is the page a
     * person reads, and the JSON API answers such refusals with their own codes.
     */
    private HttpResponse<?> page(HttpRequest<?> request, String id, @Nullable String message,
                                 @Nullable String error) {
        TriagedFeedback item = feedback.find(id).orElse(null);
        if (item == null) {
            return Pages.notFound(request, "inbox", "feedback");
        }
        Map<String, Object> model = Pages.model(request, "inbox");
        // the page's own address for the language switch, also when it answers a form posted elsewhere (a reply)
        model.put("here", path(id));
        Reader reader = Reader.of(request);
        model.put("item", FeedbackDetail.of(item, links, images.copies(id), reader));
        List<HistoryEntry> entries = history.history(id);
        Map<String, String> names = people.names(entries.stream().flatMap(HistoryLine::people).toList());
        model.put("history", entries.stream().map(e -> HistoryLine.of(e, names, reader)).toList());
        model.put("workers", people.workers());
        Set<FeedbackStatus> reachable = EnumSet.of(item.status());
        reachable.addAll(WorkflowPolicy.next(item.status()));
        model.put("statuses", reachable.stream().map(FeedbackStatus::label).toList());
        model.put("priorities", Priority.values());
        reporter.addTo(model, item, reader);
        if (item.problemId() != null) {
            model.put("problemId", item.problemId());
            // null, and the page names it by its id, when the problem has no title or was merged away since
            model.put("problemTitle", problems.find(item.problemId()).map(Problem::title).orElse(null));
        }
        if (message != null) {
            model.put("message", message);
        }
        if (error != null) {
            model.put("error", error);
        }
        return HttpResponse.ok(new ModelAndView<>("feedback", model));
    }

    private static String path(String feedbackId) {
        return "/feedback/" + URLEncoder.encode(feedbackId, StandardCharsets.UTF_8);
    }
}
