package dev.larkinbox.domain.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.larkinbox.domain.person.GuessCount;
import dev.larkinbox.domain.person.GuessCounts;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** What every store of wrong-token counts does: counts by key, none lost to another counting at once. */
public abstract class GuessCountsContract {
    private static final Instant NOW = Instant.parse("2026-12-06T09:00:00Z");

    protected abstract GuessCounts emptyCounts();

    @Test
    void eachKeyCountsOnItsOwnAndAKeyNeverCountedIsAbsent() {
        GuessCounts counts = emptyCounts();
        counts.count("10.0.0.1", c -> new GuessCount(c.wrong() + 1, NOW, NOW.plusSeconds(1)));
        counts.count("10.0.0.1", c -> new GuessCount(c.wrong() + 1, NOW, NOW.plusSeconds(2)));
        counts.count("*", c -> new GuessCount(c.wrong() + 1, NOW, NOW));

        assertEquals(Map.of("10.0.0.1", new GuessCount(2, NOW, NOW.plusSeconds(2)), "*", new GuessCount(1, NOW, NOW)),
                counts.find(List.of("10.0.0.1", "*", "10.0.0.2")));
    }

    @Test
    void countsMadeAtOnceAreAllCounted() throws Exception {
        GuessCounts counts = emptyCounts();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = IntStream.range(0, 40).<Future<?>>mapToObj(i -> pool.submit(() ->
                    counts.count("*", c -> new GuessCount(c.wrong() + 1, NOW, NOW)))).toList();
            for (Future<?> each : done) {
                each.get();
            }
        } finally {
            pool.shutdown();
        }

        assertEquals(40, counts.find(List.of("*")).get("*").wrong());
    }

    @Test
    void countsWhoseLastWrongTokenIsOldAreForgotten() {
        GuessCounts counts = emptyCounts();
        counts.count("old", c -> new GuessCount(3, NOW.minusSeconds(901), NOW.minusSeconds(900)));
        counts.count("new", c -> new GuessCount(1, NOW, NOW));

        assertEquals(1, counts.forgetBefore(NOW.minusSeconds(900)));
        assertEquals(List.of("new"), List.copyOf(counts.find(List.of("old", "new")).keySet()));
    }
}
