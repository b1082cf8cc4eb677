package dev.larkinbox.domain.card;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.larkinbox.domain.inbox.TriagedFeedback;
import dev.larkinbox.domain.platform.LarkUnavailableException;
import dev.larkinbox.domain.testing.TestClock;
import dev.larkinbox.domain.triage.Priority;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DigestServiceTest {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    // 09:00 in Shanghai is 01:00 UTC
    private static final Instant NINE = Instant.parse("2024-05-10T01:00:00Z");

    private final TestClock clock = new TestClock(NINE.minus(Duration.ofMinutes(1)));
    private final RecordingChat chat = new RecordingChat();
    private final CountedFacts facts = new CountedFacts();
    private final DigestService digests = new DigestService(facts, chat,
            new DigestSchedule(LocalTime.of(9, 0), SHANGHAI), null, clock);

    @Test
    void theDigestIsPostedOnceAtItsTimeInItsZoneAndAgainOnlyTheNextDay() {
        assertEquals(Optional.empty(), digests.sendIfDue(), "08:59 in Shanghai: not yet");

        clock.advance(Duration.ofMinutes(1));
        assertEquals(Optional.of(LocalDate.of(2024, 5, 10)), digests.sendIfDue());
        clock.advance(Duration.ofMinutes(5));
        assertEquals(Optional.empty(), digests.sendIfDue(), "the same day's digest is posted once");
        clock.advance(Duration.ofDays(1));
        assertEquals(Optional.of(LocalDate.of(2024, 5, 11)), digests.sendIfDue());

        assertEquals(2, chat.digests.size());
        DailyDigest first = chat.digests.get(0);
        assertEquals(3L, first.openByPriority().get(Priority.P2));
        assertEquals(4, first.arrived());
        assertEquals(1, first.resolved());
        assertEquals(List.of(NINE.minus(Duration.ofDays(1))), facts.since.subList(0, 1),
                "what changed is counted since this time yesterday");
    }

    @Test
    void aDigestLarkDidNotTakeIsTriedAgainOnTheNextRunOfItsWindow() {
        clock.advance(Duration.ofMinutes(1));
        chat.down = true;
        assertThrows(LarkUnavailableException.class, digests::sendIfDue);

        chat.down = false;
        assertEquals(Optional.of(LocalDate.of(2024, 5, 10)), digests.sendIfDue());
        assertEquals(1, chat.digests.size());
    }

    @Test
    void anInstanceStartedWellAfterTheWindowDoesNotPostThatDaysDigest() {
        var schedule = new DigestSchedule(LocalTime.of(9, 0), SHANGHAI);

        assertEquals(Optional.empty(), schedule.dueDay(NINE.plus(DigestSchedule.WINDOW)));
        assertEquals(Optional.of(LocalDate.of(2024, 5, 9)),
                new DigestSchedule(LocalTime.of(23, 50), SHANGHAI).dueDay(Instant.parse("2024-05-09T16:10:00Z")),
                "a window that runs past midnight belongs to the day it started");
    }

    /** The inbox's counts as the port answers them, keeping which times it was asked about. */
    private static final class CountedFacts implements DigestFacts {
        final List<Instant> since = new ArrayList<>();

        @Override
        public Map<Priority, Long> openByPriority() {
            return Map.of(Priority.P2, 3L);
        }

        @Override
        public List<TriagedFeedback> oldestOpen(int limit) {
            return List.of();
        }

        @Override
        public long arrivedSince(Instant from) {
            since.add(from);
            return 4;
        }

        @Override
        public long resolvedSince(Instant from) {
            since.add(from);
            return 1;
        }
    }
}
