package dev.larkinbox.inbound.http.inbox;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * The body of {@code POST /api/feedback/bulk}: which feedback (the ids, or all that the query's filter matches) and
 * the change, as {@link FeedbackPatch} has it.
 *
 * @param feedbackIds the feedback to change, at most 1000; or
 * @param allMatching true: every feedback the filter of the query string matches (the list's filters)
 * @param dryRun      true: only say what the change would do
 */
@Serdeable.Deserializable(naming = SnakeCaseStrategy.class)
public record BulkBody(@Nullable List<String> feedbackIds, @Nullable Boolean allMatching,
                       @Schema(allowableValues = {"new", "acknowledged", "in_progress", "resolved", "closed"})
                       @Nullable String status, @Nullable String assignee,
                       @Schema(allowableValues = {"P1", "P2", "P3", "P4"}) @Nullable String priority,
                       @Nullable String note, @Nullable Boolean dryRun) {
    /** Notes and names stay out of logs. */
    @Override
    public String toString() {
        return "BulkBody[status=" + status + ", priority=" + priority + "]";
    }
}
