package dev.larkinbox.domain.problem;

import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.TreeMap;

/**
 * When a problem's reports came, as a count per instant: a store keeps them per second, so that reading a hot
 * problem's history costs its busy seconds, not its reports.
 *
 * @param at how many reports came at each instant, each at least one
 */
public record ReportCounts(NavigableMap<Instant, Integer> at) {
    public static final ReportCounts NONE = new ReportCounts(new TreeMap<>());

    public ReportCounts {
        at = Collections.unmodifiableNavigableMap(new TreeMap<>(Objects.requireNonNull(at, "at")));
        if (at.values().stream().anyMatch(count -> count < 1)) {
            throw new IllegalArgumentException("a count of reports is at least one");
        }
    }

    /** The reports, one instant each. */
    public static ReportCounts of(Collection<Instant> reports) {
        TreeMap<Instant, Integer> counts = new TreeMap<>();
        reports.forEach(report -> counts.merge(Objects.requireNonNull(report, "report"), 1, Integer::sum));
        return new ReportCounts(counts);
    }

    public int total() {
        return at.values().stream().mapToInt(Integer::intValue).sum();
    }
}
