package dev.larkinbox.domain.problem;

import dev.larkinbox.domain.triage.Priority;
import java.time.Instant;
import java.util.Objects;

/**
 * A problem as a spike assessment sees it.
 *
 * @param membersPriority the most urgent priority of its feedback
 * @param reports         when its feedback came, of the period asked for
 * @param spikingSince    when the spike it had at the last assessment began; null when it had none
 */
public record ProblemPulse(Priority membersPriority, ReportCounts reports, Instant spikingSince) {
    public ProblemPulse {
        Objects.requireNonNull(membersPriority, "membersPriority");
        Objects.requireNonNull(reports, "reports");
    }
}
