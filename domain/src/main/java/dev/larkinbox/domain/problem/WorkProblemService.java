package dev.larkinbox.domain.problem;

import dev.larkinbox.domain.inbox.FeedbackStatus;
import dev.larkinbox.domain.inbox.TriagedFeedback;
import dev.larkinbox.domain.paging.PageRequest;
import dev.larkinbox.domain.paging.Pages;
import dev.larkinbox.domain.reason.Reason;
import dev.larkinbox.domain.workflow.ConcurrentChangeException;
import dev.larkinbox.domain.workflow.ImpossibleTransitionException;
import dev.larkinbox.domain.workflow.Transition;
import dev.larkinbox.domain.workflow.WorkFeedback;
import dev.larkinbox.domain.workflow.WorkFeedbackCommand;
import dev.larkinbox.domain.workflow.WorkflowPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/** Works a problem as the team would work each of its reports, and moves the problem with them. */
public final class WorkProblemService implements WorkProblem {
    private final ProblemStore store;
    private final ProblemBoard board;
    private final WorkFeedback workflow;

    public WorkProblemService(ProblemStore store, ProblemBoard board, WorkFeedback workflow) {
        this.store = Objects.requireNonNull(store, "store");
        this.board = Objects.requireNonNull(board, "board");
        this.workflow = Objects.requireNonNull(workflow, "workflow");
    }

    /**
     * The move applies to each open feedback of the problem, or, when none is open, to each of its feedback (so that
     * a resolved problem can be reopened); each goes through the workflow on its own, with its history entry.
     */
    @Override
    public WorkedProblem work(WorkProblemCommand command) {
        Problem problem = board.find(command.problemId())
                .orElseThrow(() -> new ProblemNotFoundException(command.problemId()));
        List<TriagedFeedback> members = members(command.problemId());
        List<TriagedFeedback> open = members.stream().filter(f -> FeedbackStatus.OPEN.contains(f.status())).toList();
        FeedbackStatus to = command.status();
        List<String> moved = new ArrayList<>();
        List<String> unchanged = new ArrayList<>();
        boolean alreadyThere = false;
        for (TriagedFeedback item : open.isEmpty() ? members : open) {
            String feedbackId = item.feedback().feedbackId();
            if (item.status() == to || !WorkflowPolicy.decide(item.status(), to).allowed()) {
                alreadyThere |= item.status() == to;
                unchanged.add(feedbackId);
                continue;
            }
            try {
                workflow.work(new WorkFeedbackCommand(feedbackId, to, null, null, command.note(), null,
                        command.actor()));
                moved.add(feedbackId);
            } catch (ImpossibleTransitionException | ConcurrentChangeException e) {
                unchanged.add(feedbackId); // it moved meanwhile, elsewhere
            }
        }
        if (moved.isEmpty() && !alreadyThere) {
            String statuses = (open.isEmpty() ? members : open).stream().map(f -> f.status().label()).distinct()
                    .sorted().collect(Collectors.joining(Reason.LIST));
            throw new ImpossibleTransitionException(new Transition(problem.status(), to, false,
                    Reason.of("problem.none-may-move", to.label(), statuses)));
        }
        store.moveTo(command.problemId(), to);
        Problem after = board.find(command.problemId())
                .orElseThrow(() -> new ProblemNotFoundException(command.problemId()));
        return new WorkedProblem(after, moved, unchanged);
    }

    private List<TriagedFeedback> members(String problemId) {
        return Pages.all(PageRequest.MAX_LIMIT, page -> board.feedback(problemId, page)).toList();
    }
}
