package dev.larkinbox.domain.problem;

/** Use case: merge a wrongly split pair of problems. */
public interface MergeProblems {
    /**
     * @return the problem merged into, with the other's feedback
     * @throws ProblemNotFoundException either problem does not exist
     */
    Problem merge(MergeProblemsCommand command);
}
