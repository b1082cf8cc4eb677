package dev.larkinbox.domain.release;

import dev.larkinbox.domain.inbox.FeedbackStatus;
import dev.larkinbox.domain.triage.Priority;
import dev.larkinbox.domain.validation.Text;
import java.time.Instant;
import java.util.Objects;

/**
 * A problem as a release's page lists it.
 *
 * @param title from its first report's description (personal data: never logged); null when it had none
 * @param at    when it was first seen, or, for a regression, when it was reopened
 */
public record ReleaseProblem(String problemId, String title, long count, FeedbackStatus status, Priority priority,
                             Instant at) {
    public ReleaseProblem {
        Text.requireNonBlank(problemId, "problemId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(priority, "priority");
        Objects.requireNonNull(at, "at");
    }
}
