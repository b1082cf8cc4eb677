package dev.larkinbox.inbound.http.problems;

import dev.larkinbox.domain.problem.WorkedProblem;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import java.util.List;

/**
 * A problem after a move: the problem, and which of its feedback moved.
 *
 * @param moved     the feedback moved, each with its history entry
 * @param unchanged the feedback the workflow did not let move there, or already there
 */
@Serdeable.Serializable(naming = SnakeCaseStrategy.class)
public record WorkedProblemItem(ProblemItem problem, List<String> moved, List<String> unchanged) {
    static WorkedProblemItem of(WorkedProblem worked) {
        return new WorkedProblemItem(ProblemItem.of(worked.problem()), worked.moved(), worked.unchanged());
    }
}
