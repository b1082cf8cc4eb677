package dev.larkinbox.inbound.http.inbox;

import dev.larkinbox.inbound.http.ApiDocument;
import dev.larkinbox.domain.feedback.FeedbackType;
import dev.larkinbox.domain.image.ImageRequest;
import dev.larkinbox.domain.image.KeptImage;
import dev.larkinbox.domain.image.ViewImages;
import dev.larkinbox.domain.inbox.BrowseFeedback;
import dev.larkinbox.domain.inbox.ExportFeedback;
import dev.larkinbox.domain.inbox.FeedbackCsv;
import dev.larkinbox.domain.inbox.FeedbackFilter;
import dev.larkinbox.domain.inbox.FeedbackOrder;
import dev.larkinbox.domain.inbox.FeedbackStatus;
import dev.larkinbox.domain.inbox.TriagedFeedback;
import dev.larkinbox.domain.triage.Priority;
import dev.larkinbox.domain.workflow.Actor;
import dev.larkinbox.domain.workflow.BrowseHistory;
import dev.larkinbox.domain.workflow.WorkFeedback;
import dev.larkinbox.domain.workflow.FeedbackNotFoundException;
import dev.larkinbox.domain.workflow.WorkFeedbackCommand;
import dev.larkinbox.domain.paging.Page;
import dev.larkinbox.domain.person.People;
import dev.larkinbox.domain.workflow.HistoryEntry;
import dev.larkinbox.inbound.http.access.ApiCaller;
import dev.larkinbox.inbound.http.api.Changes;
import dev.larkinbox.inbound.http.api.ItemPage;
import dev.larkinbox.inbound.http.api.PageQuery;
import dev.larkinbox.inbound.http.api.Query;
import dev.larkinbox.inbound.http.api.StatusAndPriorityFilters;
import dev.larkinbox.inbound.http.error.RefusalException;
import dev.larkinbox.inbound.http.error.ErrorType;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.RequestBean;
import io.micronaut.http.annotation.RouteCondition;
import io.micronaut.http.server.types.files.StreamedFile;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import jakarta.validation.Valid;
import java.io.InputStream;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The inbox of triaged feedback, newest first, and the team's work on it. Blocking executor: the store is called
 * synchronously.
 */
@Controller("/api/feedback")
@SecurityRequirement(name = ApiDocument.API_TOKEN)
@ExecuteOn(TaskExecutors.BLOCKING)
public class FeedbackController {
    private static final Set<String> LIST_PARAMETERS = Set.of("app_id", "status", "priority", "feedback_type",
            "assignee", "q", "sort", "limit", "cursor");
    /**
     * Which of the list's two answers a request asks for, by its Accept header. The methods' own parameter is not
     * called {@code request}, which would make the name ambiguous here.
     */
    private static final String ASKS_FOR_CSV =
            "#{T(dev.larkinbox.inbound.http.inbox.FeedbackController).asksForCsv(request)}";
    private static final String ASKS_FOR_JSON =
            "#{!T(dev.larkinbox.inbound.http.inbox.FeedbackController).asksForCsv(request)}";
    private static final Set<String> EXPORT_PARAMETERS = Set.of("app_id", "status", "priority", "feedback_type",
            "assignee", "q", "sort");
    private static final Set<String> HISTORY_PARAMETERS = Set.of("limit", "cursor");

    private final BrowseFeedback feedback;
    private final ExportFeedback export;
    private final WorkFeedback work;
    private final BrowseHistory history;
    private final People people;
    private final FeedbackItems items;
    private final ViewImages images;

    FeedbackController(BrowseFeedback feedback, ExportFeedback export, WorkFeedback work, BrowseHistory history,
                       People people, FeedbackItems items, ViewImages images) {
        this.feedback = feedback;
        this.export = export;
        this.items = items;
        this.images = images;
        this.work = work;
        this.history = history;
        this.people = people;
    }

    /**
     * The inbox. {@code status} and {@code priority} may be given several times (any of them matches);
     * {@code status=open} is new, acknowledged and in_progress. {@code q} finds the feedback whose description
     * contains the text, case aside, Chinese included. {@code sort} is {@code newest} (the default) or
     * {@code priority} (P1 first, newest first within each). A query parameter not listed here is refused.
     * <p>
     * With {@code Accept: text/csv} the same filters and sort answer every feedback they match (no {@code limit}
     * or {@code cursor}) as a CSV file, streamed from the database: UTF-8 with a byte order mark, a header of the
     * items' field names (the user's ids as {@code user_open_id}, {@code user_union_id}, {@code user_user_id}), a
     * record a feedback (a list's values one a line), RFC 4180 quoting, and a cell that begins with
     * {@code = + - @}, a tab or a carriage return begun with {@code '} so that no spreadsheet runs it.
     */
    @Get
    @RouteCondition(ASKS_FOR_JSON)
    @Operation(operationId = "listFeedback")
    @StatusAndPriorityFilters
    public ItemPage<FeedbackItem> list(HttpRequest<?> asked,
                                       @Nullable @QueryValue("app_id") String appId,
                                       @Nullable @QueryValue("feedback_type") String feedbackType,
                                       @Nullable @QueryValue String assignee,
                                       @Nullable @QueryValue String q,
                                       @Nullable @QueryValue String sort,
                                       @Valid @RequestBean PageQuery page) {
        Query.onlyKnown(asked, LIST_PARAMETERS);
        return items.page(feedback.list(filter(asked, appId, feedbackType, assignee, q), order(sort),
                page.request()));
    }

    /**
     * The list as CSV, for a spreadsheet (described with the list: an OpenAPI document has one operation a method
     * and path).
     */
    @Get(produces = "text/csv")
    @RouteCondition(ASKS_FOR_CSV)
    @Hidden
    public HttpResponse<StreamedFile> export(HttpRequest<?> asked,
                                             @Nullable @QueryValue("app_id") String appId,
                                             @Nullable @QueryValue("feedback_type") String feedbackType,
                                             @Nullable @QueryValue String assignee,
                                             @Nullable @QueryValue String q,
                                             @Nullable @QueryValue String sort) {
        Query.onlyKnown(asked, EXPORT_PARAMETERS);
        InputStream csv = export.csv(filter(asked, appId, feedbackType, assignee, q), order(sort));
        return HttpResponse.ok(new StreamedFile(csv, MediaType.of(FeedbackCsv.MEDIA_TYPE)).attach("feedback.csv"));
    }

    /** Whether the request names CSV among what it accepts (not by a wildcard): it gets the list as CSV then. */
    public static boolean asksForCsv(HttpRequest<?> request) {
        return request.accept().stream().anyMatch(type -> MediaType.TEXT_CSV.equalsIgnoreCase(type.getName()));
    }

    /** The list's filters as the request's query string gives them; one that cannot be a filter is refused. */
    static FeedbackFilter filter(HttpRequest<?> request, @Nullable String appId, @Nullable String feedbackType,
                                 @Nullable String assignee, @Nullable String q) {
        String text = Query.optional(q);
        if (text != null && text.length() > FeedbackFilter.MAX_TEXT_LENGTH) {
            throw new RefusalException(ErrorType.INVALID_QUERY,
                    "q must be at most " + FeedbackFilter.MAX_TEXT_LENGTH + " characters");
        }
        return new FeedbackFilter(
                Query.optional(appId),
                Query.statuses(request),
                Query.priorities(request),
                Query.choice("feedback_type", feedbackType, FeedbackController::type, "fault, suggestion"),
                Query.optional(assignee), text);
    }

    private static FeedbackOrder order(@Nullable String sort) {
        FeedbackOrder order = Query.choice("sort", sort, FeedbackOrder::fromLabel, "newest, priority");
        return order == null ? FeedbackOrder.NEWEST : order;
    }

    /** The feedback, with its version as ETag for a later If-Match. */
    @Get("/{feedback_id}")
    @Operation(operationId = "getFeedback")
    public HttpResponse<FeedbackItem> find(@PathVariable("feedback_id") String feedbackId) {
        return tagged(feedback.find(feedbackId).orElseThrow(() -> new FeedbackNotFoundException(feedbackId)));
    }

    /**
     * Changes the status (as the workflow allows: new, acknowledged, in_progress, then resolved or closed; resolved
     * and closed can be reopened to acknowledged), the assignee, the priority (over the triage's, with a reason), or
     * adds a note; every change is kept in the history.
     * With {@code If-Match} (the ETag of a GET), a feedback changed meanwhile is not changed: 412. Recorded as the
     * caller.
     */
    @Patch("/{feedback_id}")
    @Operation(operationId = "workFeedback")
    @Consumes({MediaType.APPLICATION_JSON, Changes.MERGE_PATCH})
    public HttpResponse<FeedbackItem> change(HttpRequest<?> request, @PathVariable("feedback_id") String feedbackId,
                                             @Body FeedbackPatch patch,
                                             @Nullable @Header(HttpHeaders.IF_MATCH) String ifMatch) {
        Actor actor = ApiCaller.of(request).actor();
        Long expectedVersion = ETags.expectedVersion(ifMatch);
        FeedbackStatus status = Changes.status(patch.status());
        Priority priority = Changes.priority(patch.priority());
        if (patch.reason() != null && patch.note() != null) {
            throw new RefusalException(ErrorType.INVALID_CHANGE,
                    "the reason of a priority change is its note: give reason or note, not both");
        }
        if (patch.reason() != null && priority == null) {
            throw new RefusalException(ErrorType.INVALID_CHANGE, "reason goes with priority");
        }
        String note = patch.reason() != null ? patch.reason() : patch.note();
        return tagged(work.work(Changes.command(() -> new WorkFeedbackCommand(feedbackId, status,
                patch.assignee(), priority, note, expectedVersion, actor))));
    }

    /** Every change of the feedback, oldest first, paged as the lists are ({@code limit}, {@code cursor}). */
    @Get("/{feedback_id}/history")
    @Operation(operationId = "getFeedbackHistory")
    public ItemPage<HistoryItem> history(HttpRequest<?> request, @PathVariable("feedback_id") String feedbackId,
                                         @Valid @RequestBean PageQuery page) {
        Query.onlyKnown(request, HISTORY_PARAMETERS);
        Page<HistoryEntry> entries = history.history(feedbackId, page.request());
        Map<String, String> names = people.names(entries.items().stream().map(e -> e.actor().name()).toList());
        return ItemPage.of(entries, e -> HistoryItem.of(e, names));
    }

    /**
     * The inbox's copy of the feedback's image at this position (from 0, in the order of {@code images}), once
     * kept: its bytes, with the type found in them; never run as a page, never cached by others.
     */
    @Get(value = "/{feedback_id}/images/{position}", produces = {"image/png", "image/jpeg", "image/gif",
            "image/webp"})
    @Operation(operationId = "getFeedbackImage")
    public HttpResponse<byte[]> image(@PathVariable("feedback_id") String feedbackId,
                                      @PathVariable("position") int position) {
        KeptImage kept = (position < 0 ? Optional.<KeptImage>empty()
                : images.image(new ImageRequest(feedbackId, position))).orElseThrow(() -> new RefusalException(
                        ErrorType.NOT_FOUND, "no kept image at this position of this feedback"));
        return HttpResponse.ok(kept.content()).contentType(kept.type().contentType())
                // X-Content-Type-Options: nosniff is on every answer of the service (BrowserDefences)
                .header("Content-Security-Policy", "default-src 'none'; sandbox")
                .header(HttpHeaders.CACHE_CONTROL, "private");
    }

    private HttpResponse<FeedbackItem> tagged(TriagedFeedback item) {
        return HttpResponse.ok(items.one(item)).header(HttpHeaders.ETAG, ETags.of(item.version()));
    }

    /**
     * Only the types Lark defines can be asked for: a type Lark adds later reads as "unknown" in the items, but
     * the store filters by exact type, so "unknown" is no filter it can answer.
     */
    private static FeedbackType type(String label) {
        return switch (label) {
            case "fault" -> FeedbackType.FAULT;
            case "suggestion" -> FeedbackType.SUGGESTION;
            default -> throw new IllegalArgumentException("unknown feedback type");
        };
    }
}
