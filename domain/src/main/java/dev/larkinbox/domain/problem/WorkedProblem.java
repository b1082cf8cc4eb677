package dev.larkinbox.domain.problem;

import java.util.List;
import java.util.Objects;

/**
 * A problem after a move, with the feedback the move changed.
 *
 * @param moved     the feedback moved, each through the workflow with its history entry
 * @param unchanged the open feedback the workflow did not let move to that status, or already there
 */
public record WorkedProblem(Problem problem, List<String> moved, List<String> unchanged) {
    public WorkedProblem {
        Objects.requireNonNull(problem, "problem");
        moved = List.copyOf(Objects.requireNonNull(moved, "moved"));
        unchanged = List.copyOf(Objects.requireNonNull(unchanged, "unchanged"));
    }
}
