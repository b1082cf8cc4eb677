package dev.larkinbox.domain.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.larkinbox.domain.reason.Reason;
import dev.larkinbox.domain.triage.Priority;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DefaultSpikePolicyTest {
    private static final Instant NOON = Instant.parse("2026-12-01T12:00:00Z");

    private final SpikePolicy policy = new DefaultSpikePolicy();

    /** {@code count} reports, one every {@code every}, the last at {@code last}. */
    private static List<Instant> reports(int count, Duration every, Instant last) {
        List<Instant> reports = new ArrayList<>();
        for (int i = count - 1; i >= 0; i--) {
            reports.add(last.minus(every.multipliedBy(i)));
        }
        return reports;
    }

    private static Spike assess(SpikePolicy policy, Priority triaged, List<Instant> reports, Instant now) {
        return policy.assess(triaged, ReportCounts.of(reports), now);
    }

    @Test
    void reportsCountedPerSecondAssessAsTheSameReportsOneByOne() {
        Instant second = NOON.minusSeconds(1);
        ReportCounts counted = new ReportCounts(new TreeMap<>(Map.of(second, 5)));

        Spike spike = policy.assess(Priority.P3, counted, NOON);

        assertEquals(assess(policy, Priority.P3, Collections.nCopies(5, second), NOON), spike);
        assertTrue(spike.spiking());
        assertFalse(policy.assess(Priority.P3, new ReportCounts(new TreeMap<>(Map.of(second, 4))), NOON).spiking());
    }

    private static List<Instant> plus(List<Instant> first, List<Instant> second) {
        List<Instant> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    @Test
    void sixReportsOfANewProblemInAMinuteAreASpikeThatRaisesP2ToP1AndNamesTheSpike() {
        List<Instant> burst = reports(6, Duration.ofSeconds(10), NOON);

        Spike spike = assess(policy, Priority.P2, burst, NOON);

        assertTrue(spike.spiking());
        assertEquals(Priority.P1, spike.priority());
        assertEquals(burst.get(4), spike.since());
        assertEquals(List.of(Reason.of("spike.since", "2026-12-01T11:59:50Z"),
                Reason.of("spike.counts", 6, 10, "minutes", 5, "0.00", 7, "days", "3.0"),
                Reason.of("spike.raises", "P2", "P1")), spike.reasons());
        assertEquals(List.of("spiking since 2026-12-01T11:59:50Z", "6 reports in 10 minutes (a spike needs 5) against "
                        + "0.00 in an average 10 minutes of the previous 7 days (a spike needs 3.0 times as many)",
                "the spike raises it from P2 to P1"), spike.reasons().stream().map(Reason::english).toList());
        assertEquals(List.of("自 2026-12-01T11:59:50Z 起激增", "10 分钟内 6 条反馈（激增至少需要 5 条），之前 7 天内"
                        + "平均每 10 分钟 0.00 条（激增需要其 3.0 倍）", "激增使其从 P2 升为 P1"),
                spike.reasons().stream().map(r -> r.text(Locale.SIMPLIFIED_CHINESE)).toList());
    }

    @Test
    void fourReportsInTenMinutesAreNoSpikeAndKeepThePriority() {
        Spike spike = assess(policy, Priority.P3, reports(4, Duration.ofMinutes(1), NOON), NOON);

        assertFalse(spike.spiking());
        assertNull(spike.since());
        assertEquals(Priority.P3, spike.priority());
        assertEquals(List.of(Reason.of("spike.none"),
                Reason.of("spike.counts", 4, 10, "minutes", 5, "0.00", 7, "days", "3.0")), spike.reasons());
    }

    @Test
    void fiveReportsSpreadOverMoreThanTenMinutesAreNoSpike() {
        Spike spike = assess(policy, Priority.P3, reports(5, Duration.ofMinutes(3), NOON), NOON);

        assertFalse(spike.spiking());
    }

    @ParameterizedTest(name = "{0} reports in ten minutes of a problem with two every ten minutes: spiking {1}")
    @CsvSource({"5, false, P2", "6, true, P1"})
    void aBusyProblemSpikesOnlyAtThreeTimesItsUsualRate(int recent, boolean spiking, Priority priority) {
        // two reports every ten minutes over the previous week: three times as many is six
        List<Instant> usual = reports(2016, Duration.ofMinutes(5), NOON.minus(Duration.ofMinutes(10)));

        Spike spike = assess(policy, Priority.P2, plus(usual, reports(recent, Duration.ofMinutes(1), NOON)), NOON);

        assertEquals(spiking, spike.spiking());
        assertEquals(priority, spike.priority());
        assertEquals(Reason.of("spike.counts", recent, 10, "minutes", 5, "2.00", 7, "days", "3.0"),
                spike.reasons().get(1));
    }

    @Test
    void aSpikeOfAP1ProblemKeepsItAtP1AndSaysSo() {
        Spike spike = assess(policy, Priority.P1, reports(5, Duration.ofSeconds(1), NOON), NOON);

        assertEquals(Priority.P1, spike.priority());
        assertEquals(Reason.of("spike.keeps", "P1"), spike.reasons().get(2));
        assertEquals("the spike keeps it at P1, the highest priority", spike.reasons().get(2).english());
    }

    @Test
    void aSpikeLastsUntilAnHourBelowTheThresholdAndThenEnds() {
        List<Instant> burst = reports(5, Duration.ofMinutes(1), NOON);
        // the last of the five leaves the ten-minute window at 12:06: below the threshold from then
        Instant below = NOON.minus(Duration.ofMinutes(4)).plus(Duration.ofMinutes(10));

        Spike calming = assess(policy, Priority.P3, burst, below.plus(Duration.ofMinutes(59)));
        Spike ended = assess(policy, Priority.P3, burst, below.plus(Duration.ofHours(1)));

        assertTrue(calming.spiking());
        assertEquals(NOON, calming.since());
        assertEquals(Priority.P2, calming.priority());
        assertEquals(List.of("spiking since 2026-12-01T12:00:00Z, below the threshold since 2026-12-01T12:06:00Z: a "
                + "spike ends after 1 hour below it", "at its peak 2026-12-01T12:00:00Z", "5 reports in 10 minutes (a "
                + "spike needs 5) against 0.00 in an average 10 minutes of the previous 7 days (a spike needs 3.0 "
                + "times as many)", "the spike raises it from P3 to P2"),
                calming.reasons().stream().map(Reason::english).toList());
        assertFalse(ended.spiking());
        assertEquals(Priority.P3, ended.priority());
        assertEquals(Reason.of("spike.ended", "2026-12-01T12:00:00Z", "2026-12-01T13:06:00Z", 1, "hour"),
                ended.reasons().get(2));
        assertEquals("the spike since 2026-12-01T12:00:00Z ended at 2026-12-01T13:06:00Z, 1 hour below the threshold",
                ended.reasons().get(2).english());
    }

    @Test
    void aBurstWithinTheHourAfterASpikeIsTheSameSpikeAndALaterOneIsANewSpike() {
        List<Instant> first = reports(5, Duration.ofMinutes(1), NOON);
        List<Instant> soon = reports(5, Duration.ofMinutes(1), NOON.plus(Duration.ofMinutes(50)));
        List<Instant> late = reports(5, Duration.ofMinutes(1), NOON.plus(Duration.ofHours(3)));

        Spike again = assess(policy, Priority.P3, plus(first, soon), NOON.plus(Duration.ofMinutes(50)));
        Spike anew = assess(policy, Priority.P3, plus(first, late), NOON.plus(Duration.ofHours(3)));

        assertEquals(NOON, again.since());
        assertEquals(NOON.plus(Duration.ofHours(3)), anew.since());
    }

    @Test
    void reportsAfterNowDoNotCountAndTheirOrderDoesNotMatter() {
        List<Instant> burst = new ArrayList<>(reports(5, Duration.ofSeconds(30), NOON));
        Collections.reverse(burst);

        assertTrue(assess(policy, Priority.P4, burst, NOON).spiking());
        assertFalse(assess(policy, Priority.P4, burst, NOON.minus(Duration.ofSeconds(30))).spiking());
        assertFalse(assess(policy, Priority.P4, List.of(), NOON).spiking());
    }

    @Test
    void theThresholdsAreSettings() {
        SpikePolicy strict = new DefaultSpikePolicy(new SpikeSettings(10, Duration.ofMinutes(5), 5.0,
                Duration.ofDays(1), Duration.ofMinutes(30)));

        assertFalse(assess(strict, Priority.P3, reports(9, Duration.ofSeconds(10), NOON), NOON).spiking());
        Spike spike = assess(strict, Priority.P3, reports(10, Duration.ofSeconds(10), NOON), NOON);
        assertTrue(spike.spiking());
        assertEquals("10 reports in 5 minutes (a spike needs 10) against 0.00 in an average 5 minutes of the previous "
                + "1 day (a spike needs 5.0 times as many)", spike.reasons().get(1).english());
    }

    @Test
    void settingsThatCannotDescribeASpikeAreRefused() {
        Duration minute = Duration.ofMinutes(1);
        assertThrows(IllegalArgumentException.class, () -> new SpikeSettings(0, minute, 3, minute, minute));
        assertThrows(IllegalArgumentException.class, () -> new SpikeSettings(5, Duration.ZERO, 3, minute, minute));
        assertThrows(IllegalArgumentException.class, () -> new SpikeSettings(5, minute, 0.5, minute, minute));
        assertThrows(IllegalArgumentException.class, () -> new SpikeSettings(5, minute, Double.NaN, minute, minute));
        assertThrows(IllegalArgumentException.class, () -> new SpikeSettings(5, minute.multipliedBy(2), 3, minute,
                minute));
    }
}
