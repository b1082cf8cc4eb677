package dev.larkinbox.domain.problem;

import dev.larkinbox.domain.inbox.FeedbackStatus;
import dev.larkinbox.domain.validation.Text;
import java.util.Objects;

/**
 * A problem a new feedback might belong to, with what the grouping needs to decide.
 *
 * @param description the description of the problem's first report, which the others are compared with; personal
 *                    data, never logged; null when that report had none
 */
public record ProblemCandidate(String problemId, GroupingKey key, String description, FeedbackStatus status) {
    public ProblemCandidate {
        Text.requireNonBlank(problemId, "problemId");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(status, "status");
    }

    /** Personal data stays out of logs and exception messages. */
    @Override
    public String toString() {
        return "ProblemCandidate[problemId=" + problemId + ", appId=" + key.appId() + ", status=" + status.label() + "]";
    }
}
