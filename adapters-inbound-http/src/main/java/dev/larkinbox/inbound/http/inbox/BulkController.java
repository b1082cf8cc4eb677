package dev.larkinbox.inbound.http.inbox;

import dev.larkinbox.domain.inbox.FeedbackFilter;
import dev.larkinbox.domain.inbox.FeedbackStatus;
import dev.larkinbox.domain.triage.Priority;
import dev.larkinbox.domain.workflow.Actor;
import dev.larkinbox.domain.workflow.BulkChangeCommand;
import dev.larkinbox.domain.workflow.WorkInBulk;
import dev.larkinbox.inbound.http.ApiDocument;
import dev.larkinbox.inbound.http.access.ApiCaller;
import dev.larkinbox.inbound.http.api.Changes;
import dev.larkinbox.inbound.http.api.Query;
import dev.larkinbox.inbound.http.error.ErrorType;
import dev.larkinbox.inbound.http.error.RefusalException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import java.util.Set;

/** One change made to many feedback. Blocking executor: the store is called synchronously. */
@Controller("/api/feedback/bulk")
@SecurityRequirement(name = ApiDocument.API_TOKEN)
@ExecuteOn(TaskExecutors.BLOCKING)
public class BulkController {
    private static final Set<String> FILTER_PARAMETERS = Set.of("app_id", "status", "priority", "feedback_type",
            "assignee", "q");

    private final WorkInBulk bulk;

    BulkController(WorkInBulk bulk) {
        this.bulk = bulk;
    }

    /**
     * Changes the status, the assignee or the priority (with a note as its reason) of the feedback named by
     * {@code feedback_ids} (at most 1000), or, with {@code "all_matching": true}, of every feedback the query string's
     * filter matches ({@code app_id}, {@code status}, {@code priority}, {@code feedback_type}, {@code assignee},
     * {@code q}, as {@code GET /api/feedback} takes them; read a batch at a time, so any number). Each feedback goes
     * through the workflow as a PATCH would take it: its own history entry, its status sent to Lark. Those the change
     * does not apply to (a move the workflow does not allow, an unknown id) are left as they are and listed with the
     * reason; those already as asked are counted. {@code "dry_run": true} says what the change would do, changing
     * nothing. The changes are the caller's: the owner of the token.
     */
    @Post
    @Operation(operationId = "workFeedbackInBulk")
    public BulkItem change(HttpRequest<?> request, @Body BulkBody body,
                           @Nullable @QueryValue("app_id") String appId,
                           @Nullable @QueryValue("feedback_type") String feedbackType,
                           @Nullable @QueryValue String assignee, @Nullable @QueryValue String q) {
        Query.onlyKnown(request, FILTER_PARAMETERS);
        boolean all = Boolean.TRUE.equals(body.allMatching());
        if (!all && !request.getParameters().isEmpty()) {
            throw new RefusalException(ErrorType.INVALID_CHANGE, "a filter goes with \"all_matching\": true");
        }
        FeedbackFilter filter = all ? FeedbackController.filter(request, appId, feedbackType, assignee, q) : null;
        Actor actor = ApiCaller.of(request).actor();
        FeedbackStatus status = Changes.status(body.status());
        Priority priority = Changes.priority(body.priority());
        BulkChangeCommand command = Changes.command(() -> new BulkChangeCommand(all ? null : body.feedbackIds(),
                filter, status, body.assignee(), priority, body.note(), actor));
        boolean dryRun = Boolean.TRUE.equals(body.dryRun());
        return BulkItem.of(dryRun ? bulk.preview(command) : bulk.apply(command), dryRun);
    }
}
