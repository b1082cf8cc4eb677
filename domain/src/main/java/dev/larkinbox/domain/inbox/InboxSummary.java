package dev.larkinbox.domain.inbox;

import dev.larkinbox.domain.feedback.FaultKind;
import dev.larkinbox.domain.triage.Priority;
import java.time.Duration;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a team's dashboard shows of the inbox: how much feedback came each day, by priority; which faults users
 * meet; how long open feedback has been waiting. Days are UTC days.
 *
 * @param days       each day of the window, oldest first, with a count for every priority (zero included)
 * @param faultKinds feedback of the window per fault kind it names (one feedback naming two kinds counts twice)
 * @param openByAge  open feedback (new, acknowledged, in progress) per age, every age present
 */
public record InboxSummary(List<Day> days, Map<FaultKind, Long> faultKinds, Map<Age, Long> openByAge) {
    public InboxSummary {
        days = List.copyOf(Objects.requireNonNull(days, "days"));
        faultKinds = Map.copyOf(Objects.requireNonNull(faultKinds, "faultKinds"));
        var ages = new EnumMap<Age, Long>(Age.class);
        for (Age age : Age.values()) {
            ages.put(age, Objects.requireNonNull(openByAge, "openByAge").getOrDefault(age, 0L));
        }
        openByAge = ages;
    }

    /** One day's feedback by priority. */
    public record Day(LocalDate day, Map<Priority, Long> byPriority) {
        public Day {
            Objects.requireNonNull(day, "day");
            var counts = new EnumMap<Priority, Long>(Priority.class);
            for (Priority p : Priority.values()) {
                counts.put(p, Objects.requireNonNull(byPriority, "byPriority").getOrDefault(p, 0L));
            }
            byPriority = counts;
        }

        public long total() {
            return byPriority.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /** How long an open feedback has been in the inbox: from {@code from} (inclusive) to {@code to} (exclusive). */
    public enum Age {
        UNDER_A_DAY("under a day", Duration.ZERO, Duration.ofDays(1)),
        UNDER_A_WEEK("1 to 7 days", Duration.ofDays(1), Duration.ofDays(7)),
        UNDER_A_MONTH("7 to 30 days", Duration.ofDays(7), Duration.ofDays(30)),
        OLDER("over 30 days", Duration.ofDays(30), null);

        private final String label;
        private final Duration from;
        private final Duration to;

        Age(String label, Duration from, Duration to) {
            this.label = label;
            this.from = from;
            this.to = to;
        }

        public String label() {
            return label;
        }

        public Duration from() {
            return from;
        }

        public static Age of(Duration waiting) {
            for (Age age : values()) {
                if (age.to == null || waiting.compareTo(age.to) < 0) {
                    return age;
                }
            }
            throw new IllegalStateException("the last age has no end");
        }
    }
}
