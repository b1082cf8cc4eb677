package dev.larkinbox.inbound.http.problems;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The body of {@code PATCH /api/problems/{problem_id}}.
 *
 * @param status where each open feedback of the problem moves, as the workflow allows
 * @param note   why, kept in each feedback's history
 */
@Serdeable.Deserializable(naming = SnakeCaseStrategy.class)
public record ProblemPatch(@Schema(allowableValues = {"acknowledged", "in_progress", "resolved", "closed"})
                           @Nullable String status, @Nullable String note) {
    /** Notes stay out of logs. */
    @Override
    public String toString() {
        return "ProblemPatch[status=" + status + "]";
    }
}
