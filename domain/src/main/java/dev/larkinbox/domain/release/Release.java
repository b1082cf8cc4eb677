package dev.larkinbox.domain.release;

import dev.larkinbox.domain.inbox.InboxSummary;
import dev.larkinbox.domain.version.AppVersion;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What a version brought while it was its app's newest.
 *
 * @param newest     when it was the app's newest, first first (none when it never was: rejected or revoked first)
 * @param firstSeen  the app's problems first seen in those times
 * @param regressed  the app's problems reopened by a report in those times
 * @param days       the app's feedback per day around those times
 */
public record Release(AppVersion version, List<Period> newest, List<ReleaseProblem> firstSeen,
                      List<ReleaseProblem> regressed, List<InboxSummary.Day> days) {
    public Release {
        Objects.requireNonNull(version, "version");
        newest = List.copyOf(Objects.requireNonNull(newest, "newest"));
        firstSeen = List.copyOf(Objects.requireNonNull(firstSeen, "firstSeen"));
        regressed = List.copyOf(Objects.requireNonNull(regressed, "regressed"));
        days = List.copyOf(Objects.requireNonNull(days, "days"));
    }

    /** A time the version was the newest: from {@code from}, until {@code until} (null: it still is). */
    public record Period(Instant from, Instant until) {
        public Period {
            Objects.requireNonNull(from, "from");
            if (until != null && !until.isAfter(from)) {
                throw new IllegalArgumentException("a period ends after it begins");
            }
        }

        /** Its end, or {@code now} while it lasts. */
        public Instant endOr(Instant now) {
            return until == null ? now : until;
        }
    }
}
