package dev.larkinbox.domain.problem;

import dev.larkinbox.domain.inbox.FeedbackStatus;
import dev.larkinbox.domain.validation.Text;
import java.util.Objects;
import java.util.Set;

/**
 * A problem a new feedback might belong to, with what the grouping needs to decide.
 *
 * @param description the description of the problem's first report, which the others are compared with; personal
 *                    data, never logged; null when that report had none
 * @param pieces      the description's pieces as {@link DescriptionSimilarity} compares them, cut once for every
 *                    report of a round compared with it; null to have them cut from the description
 */
public record ProblemCandidate(String problemId, GroupingKey key, String description, FeedbackStatus status,
                               Set<String> pieces) {
    public ProblemCandidate {
        Text.requireNonBlank(problemId, "problemId");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(status, "status");
        if (pieces == null) {
            pieces = DescriptionSimilarity.pieces(description);
        } else if (!pieces.equals(DescriptionSimilarity.pieces(description))) {
            throw new IllegalArgumentException("pieces are the description's");
        }
    }

    /** A candidate whose description is cut once, here: a round reads many. */
    public ProblemCandidate(String problemId, GroupingKey key, String description, FeedbackStatus status) {
        this(problemId, key, description, status, null);
    }

    /** The same problem, reopened or moved to another status. */
    public ProblemCandidate withStatus(FeedbackStatus newStatus) {
        return new ProblemCandidate(problemId, key, description, newStatus, pieces);
    }

    /** Personal data stays out of logs and exception messages. */
    @Override
    public String toString() {
        return "ProblemCandidate[problemId=" + problemId + ", appId=" + key.appId() + ", status=" + status.label() + "]";
    }
}
