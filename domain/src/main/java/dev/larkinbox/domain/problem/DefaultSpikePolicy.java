package dev.larkinbox.domain.problem;

import dev.larkinbox.domain.reason.Reason;
import dev.larkinbox.domain.triage.Priority;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.TreeSet;
import java.util.stream.LongStream;

/**
 * Spikes by {@link SpikeSettings}: a problem is spiking while, at some moment of the last quiet period, it had at
 * least the minimum of reports in the window and at least the rate factor times its usual reports per window over
 * the baseline before that window. A problem with no reports before has a usual rate of zero, so a burst of a new
 * problem is a spike. While spiking its priority is one step up (P1 stays P1).
 * <p>
 * The counts change only when a report comes in, leaves the window or leaves the baseline, so reading them at
 * those moments finds exactly when the threshold was met: no clock, no state kept between calls.
 */
public final class DefaultSpikePolicy implements SpikePolicy {

    private record Reading(Instant at, int inWindow, double usualPerWindow, boolean above) {
    }

    private final SpikeSettings settings;

    public DefaultSpikePolicy() {
        this(SpikeSettings.DEFAULTS);
    }

    public DefaultSpikePolicy(SpikeSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    @Override
    public Spike assess(Priority triaged, ReportCounts reports, Instant now) {
        Objects.requireNonNull(triaged, "triaged");
        Objects.requireNonNull(now, "now");
        Tally tally = new Tally(reports.at().headMap(now, true));
        TreeSet<Instant> moments = new TreeSet<>();
        for (Instant at : tally.times()) {
            moments.add(at);
            moments.add(at.plus(settings.window()));
            moments.add(at.plus(settings.window()).plus(settings.baseline()));
        }
        moments.add(now);

        Instant since = null;
        Instant belowFrom = null;
        Reading peak = null;
        Reading current = null;
        for (Instant moment : moments.headSet(now, true)) {
            if (current != null && current.above()) {
                belowFrom = moment;
            }
            current = read(tally, moment);
            if (current.above()) {
                boolean newSpike = since == null || !belowFrom.plus(settings.quietPeriod()).isAfter(moment);
                if (newSpike) {
                    since = moment;
                }
                if (newSpike || current.inWindow() > peak.inWindow()) {
                    peak = current;
                }
            }
        }
        if (current.above()) {
            return spiking(triaged, since, List.of(Reason.of("spike.since", since), counts(current)));
        }
        if (belowFrom != null && belowFrom.plus(settings.quietPeriod()).isAfter(now)) {
            return spiking(triaged, since, List.of(Reason.of("spike.calming", since, belowFrom,
                    count(settings.quietPeriod()), unit(settings.quietPeriod())), Reason.of("spike.peak", peak.at()),
                    counts(peak)));
        }
        List<Reason> reasons = new ArrayList<>();
        reasons.add(Reason.of("spike.none"));
        reasons.add(counts(current));
        if (belowFrom != null) {
            reasons.add(Reason.of("spike.ended", since, belowFrom.plus(settings.quietPeriod()),
                    count(settings.quietPeriod()), unit(settings.quietPeriod())));
        }
        return new Spike(false, null, triaged, reasons);
    }

    private static Spike spiking(Priority triaged, Instant since, List<Reason> reasons) {
        List<Reason> all = new ArrayList<>(reasons);
        Priority raised = triaged == Priority.P1 ? Priority.P1 : Priority.values()[triaged.ordinal() - 1];
        all.add(raised == triaged ? Reason.of("spike.keeps", triaged) : Reason.of("spike.raises", triaged, raised));
        return new Spike(true, since, raised, all);
    }

    /** Reports in the window ending at {@code at}, and in an average window of the baseline before that one. */
    private Reading read(Tally tally, Instant at) {
        Instant windowStart = at.minus(settings.window());
        int inWindow = tally.upTo(at) - tally.upTo(windowStart);
        int inBaseline = tally.upTo(windowStart) - tally.upTo(windowStart.minus(settings.baseline()));
        double usual = inBaseline * (double) settings.window().toMillis() / settings.baseline().toMillis();
        boolean above = inWindow >= settings.minimumReports() && inWindow >= settings.rateFactor() * usual;
        return new Reading(at, inWindow, usual, above);
    }

    /** The distinct instants of the reports, sorted, and how many reports came at or before each. */
    private record Tally(Instant[] times, int[] upToEach) {
        Tally(NavigableMap<Instant, Integer> counts) {
            this(counts.keySet().toArray(Instant[]::new), new int[counts.size()]);
            int sum = 0;
            int i = 0;
            for (int count : counts.values()) {
                sum += count;
                upToEach[i++] = sum;
            }
        }

        /** How many reports came at or before {@code at}. */
        int upTo(Instant at) {
            int found = Arrays.binarySearch(times, at);
            int after = found < 0 ? -found - 1 : found + 1;
            return after == 0 ? 0 : upToEach[after - 1];
        }
    }

    private Reason counts(Reading reading) {
        return Reason.of("spike.counts", reading.inWindow(), count(settings.window()), unit(settings.window()),
                settings.minimumReports(), String.format(Locale.ROOT, "%.2f", reading.usualPerWindow()),
                count(settings.baseline()), unit(settings.baseline()),
                String.format(Locale.ROOT, "%.1f", settings.rateFactor()));
    }

    /** A duration in the largest whole unit: 7 (days), 10 (minutes). */
    private static long count(Duration duration) {
        return duration.toSeconds() / seconds(duration);
    }

    /** The word of {@link #count}'s unit, plural but for one: {@code day}, {@code minutes}. */
    private static String unit(Duration duration) {
        long seconds = seconds(duration);
        String unit = seconds == 86_400 ? "day" : seconds == 3_600 ? "hour" : seconds == 60 ? "minute" : "second";
        return count(duration) == 1 ? unit : unit + "s";
    }

    private static long seconds(Duration duration) {
        return LongStream.of(86_400, 3_600, 60).filter(s -> duration.toSeconds() % s == 0)
                .findFirst().orElse(1);
    }
}
