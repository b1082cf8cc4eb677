package dev.larkinbox.domain.problem;

import dev.larkinbox.domain.reason.Reason;
import dev.larkinbox.domain.validation.InvalidCommandException;
import dev.larkinbox.domain.validation.Text;
import dev.larkinbox.domain.workflow.Actor;
import java.util.Objects;

/** A team member says two problems are one: {@code problemId}'s feedback moves into {@code intoProblemId}. */
public record MergeProblemsCommand(String problemId, String intoProblemId, Actor actor) {
    public MergeProblemsCommand {
        Text.requireNonBlank(problemId, "problemId");
        Objects.requireNonNull(actor, "actor");
        if (intoProblemId == null || intoProblemId.isBlank()) {
            throw new InvalidCommandException(Reason.of("command.merge.into"));
        }
        if (problemId.equals(intoProblemId)) {
            throw new InvalidCommandException(Reason.of("command.merge.itself"));
        }
    }
}
