package dev.larkinbox.domain.problem;

import dev.larkinbox.domain.inbox.FeedbackStatus;
import dev.larkinbox.domain.reason.Reason;
import dev.larkinbox.domain.validation.InvalidCommandException;
import dev.larkinbox.domain.validation.Text;
import dev.larkinbox.domain.workflow.Actor;
import dev.larkinbox.domain.workflow.WorkFeedbackCommand;
import java.util.Arrays;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A team member moves a problem, and so each of its open feedback, to a status.
 *
 * @param note why, for each feedback's history; null for none
 */
public record WorkProblemCommand(String problemId, FeedbackStatus status, String note, Actor actor) {
    public WorkProblemCommand {
        Text.requireNonBlank(problemId, "problemId");
        Objects.requireNonNull(actor, "actor");
        if (status == null) {
            throw new InvalidCommandException(Reason.of("command.problem.status", Arrays.stream(FeedbackStatus.values())
                    .map(FeedbackStatus::label).collect(Collectors.joining(Reason.LIST))));
        }
        // each feedback's change carries the note: refused here, before any of them moves
        WorkFeedbackCommand.requireValidNote(note);
    }
}
