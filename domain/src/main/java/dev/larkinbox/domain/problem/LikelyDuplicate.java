package dev.larkinbox.domain.problem;

import dev.larkinbox.domain.reason.Reason;
import dev.larkinbox.domain.validation.Text;
import java.time.Instant;
import java.util.Objects;

/**
 * A problem that may be the same as the one a person looks at, which the grouping kept apart.
 *
 * @param title      its title (personal data, never logged)
 * @param similarity how alike the titles read, above 0 and at most 1
 * @param reason     why it is offered, read in the reader's language
 */
public record LikelyDuplicate(String problemId, String title, long count, Instant lastSeen, double similarity,
                              Reason reason) {
    public LikelyDuplicate {
        Text.requireNonBlank(problemId, "problemId");
        Text.requireNonBlank(title, "title");
        Objects.requireNonNull(lastSeen, "lastSeen");
        if (!(similarity > 0 && similarity <= 1)) {
            throw new IllegalArgumentException("similarity must be above 0 and at most 1");
        }
        Objects.requireNonNull(reason, "reason");
    }

    /** The title is personal data: it stays out of logs and exception messages. */
    @Override
    public String toString() {
        return "LikelyDuplicate[problemId=" + problemId + ", similarity=" + similarity + "]";
    }
}
