package dev.larkinbox.inbound.http.inbox;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The body of {@code PATCH /api/feedback/{feedback_id}}: any of them; a field left out (or null) is left as it is.
 *
 * @param status   new, acknowledged, in_progress, resolved or closed, as the workflow allows
 * @param assignee who works on it; an empty string leaves nobody assigned
 * @param priority P1 to P4, set over the triage's; needs a reason
 * @param reason   why the priority changes, kept in the history (as its note)
 * @param note     why, kept in the history
 */
@Serdeable.Deserializable(naming = SnakeCaseStrategy.class)
public record FeedbackPatch(@Schema(allowableValues = {"new", "acknowledged", "in_progress", "resolved", "closed"})
                            @Nullable String status, @Nullable String assignee,
                            @Schema(allowableValues = {"P1", "P2", "P3", "P4"}) @Nullable String priority,
                            @Nullable String reason, @Nullable String note) {
    /** Notes and names stay out of logs. */
    @Override
    public String toString() {
        return "FeedbackPatch[status=" + status + ", priority=" + priority + "]";
    }
}
