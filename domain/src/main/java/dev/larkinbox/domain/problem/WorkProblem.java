package dev.larkinbox.domain.problem;

/** Use case: move a problem's open feedback to a status, each through the workflow. */
public interface WorkProblem {
    /**
     * @throws ProblemNotFoundException no such problem
     * @throws dev.larkinbox.domain.workflow.ImpossibleTransitionException no open feedback of it may move there
     */
    WorkedProblem work(WorkProblemCommand command);
}
