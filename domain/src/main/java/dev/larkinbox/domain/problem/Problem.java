package dev.larkinbox.domain.problem;

import dev.larkinbox.domain.inbox.FeedbackStatus;
import dev.larkinbox.domain.reason.Reason;
import dev.larkinbox.domain.triage.Priority;
import dev.larkinbox.domain.validation.Text;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Reports of one thing, grouped: what the team works instead of each report.
 *
 * @param title        from the first report's description (personal data: never logged); null when it had none
 * @param count        how many feedback belong to it
 * @param tenants      how many distinct tenants reported it
 * @param status       where the team stands on it
 * @param priority     its members' most urgent priority, one step higher while spiking
 * @param spikingSince when its current spike began; null while it is not spiking
 * @param regressed    whether it was reported again after it was resolved or closed
 * @param reasons      why its members were grouped, why it is spiking or regressed; never empty
 */
public record Problem(String problemId, GroupingKey key, String title, long count, Instant firstSeen, Instant lastSeen,
                      int tenants, FeedbackStatus status, Priority priority, Instant spikingSince, boolean regressed,
                      List<Reason> reasons) {
    public Problem {
        Text.requireNonBlank(problemId, "problemId");
        Objects.requireNonNull(key, "key");
        if (count < 1 || tenants < 0 || tenants > count) {
            throw new IllegalArgumentException("a problem has at least one report and at most one tenant per report");
        }
        Objects.requireNonNull(firstSeen, "firstSeen");
        Objects.requireNonNull(lastSeen, "lastSeen");
        if (lastSeen.isBefore(firstSeen)) {
            throw new IllegalArgumentException("a problem is last seen after it is first seen");
        }
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(priority, "priority");
        reasons = List.copyOf(Objects.requireNonNull(reasons, "reasons"));
        if (reasons.isEmpty()) {
            throw new IllegalArgumentException("a problem must say why its reports are one");
        }
    }

    public static final int TITLE_LENGTH = 120;

    /** The title a problem takes from its first report: the first line of the description, cut short; null without. */
    public static String titleOf(String description) {
        if (description == null) {
            return null;
        }
        String line = description.strip().lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst()
                .orElse(null);
        if (line == null || line.length() <= TITLE_LENGTH) {
            return line;
        }
        return line.substring(0, TITLE_LENGTH - 1) + "…";
    }

    public boolean spiking() {
        return spikingSince != null;
    }

    /** The title is personal data: it stays out of logs and exception messages. */
    @Override
    public String toString() {
        return "Problem[problemId=" + problemId + ", appId=" + key.appId() + ", count=" + count + ", status="
                + status.label() + ", priority=" + priority + ", spiking=" + spiking() + "]";
    }
}
