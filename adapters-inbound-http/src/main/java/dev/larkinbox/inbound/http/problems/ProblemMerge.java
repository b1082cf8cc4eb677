package dev.larkinbox.inbound.http.problems;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

/**
 * The body of {@code POST /api/problems/{problem_id}/merge}.
 *
 * @param into the problem that takes the feedback of the one named in the path
 */
@Serdeable.Deserializable(naming = SnakeCaseStrategy.class)
public record ProblemMerge(@Nullable String into) {
}
