package dev.larkinbox.domain.problem;

import dev.larkinbox.domain.inbox.FeedbackStatus;
import dev.larkinbox.domain.validation.Text;
import dev.larkinbox.domain.workflow.Actor;
import java.util.Objects;

/**
 * A team member moves a problem, and so each of its open feedback, to a status.
 *
 * @param note why, for each feedback's history; null for none
 */
public record WorkProblemCommand(String problemId, FeedbackStatus status, String note, Actor actor) {
    public WorkProblemCommand {
        Text.requireNonBlank(problemId, "problemId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(actor, "actor");
    }
}
