package dev.larkinbox.inbound.http.inbox;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The body of {@code PATCH /api/feedback/{feedback_id}}: any of the three; a field left out (or null) is left as it is.
 *
 * @param status   new, acknowledged, in_progress, resolved or closed, as the workflow allows
 * @param assignee who works on it; an empty string leaves nobody assigned
 * @param note     why, kept in the history
 */
@Serdeable.Deserializable(naming = SnakeCaseStrategy.class)
public record FeedbackPatch(@Schema(allowableValues = {"new", "acknowledged", "in_progress", "resolved", "closed"}) @Nullable String status, @Nullable String assignee, @Nullable String note) {
    /** Notes and names stay out of logs. */
    @Override
    public String toString() {
        return "FeedbackPatch[status=" + status + "]";
    }
}
