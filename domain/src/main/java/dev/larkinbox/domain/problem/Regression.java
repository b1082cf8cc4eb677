package dev.larkinbox.domain.problem;

import dev.larkinbox.domain.inbox.FeedbackStatus;
import dev.larkinbox.domain.reason.Reason;
import dev.larkinbox.domain.workflow.WorkflowPolicy;
import java.util.Objects;
import java.util.Optional;

/**
 * A problem that was resolved or closed and is reported again: it is reopened and marked regressed.
 *
 * @param reopenedTo the status the workflow reopens an end to
 * @param reason     why it was reopened
 */
public record Regression(FeedbackStatus reopenedTo, Reason reason) {
    public Regression {
        Objects.requireNonNull(reopenedTo, "reopenedTo");
        Objects.requireNonNull(reason, "reason");
    }

    /** Empty while the problem is still open: one more report of an open problem is no regression. */
    public static Optional<Regression> onNewReport(ProblemCandidate problem) {
        FeedbackStatus status = problem.status();
        if (status != FeedbackStatus.RESOLVED && status != FeedbackStatus.CLOSED) {
            return Optional.empty();
        }
        // the workflow leads an end to one status only: reopening
        FeedbackStatus reopened = WorkflowPolicy.next(status).iterator().next();
        return Optional.of(new Regression(reopened, Reason.of("regression.reopened", status.label())));
    }
}
