package dev.larkinbox.domain.testing;

import dev.larkinbox.domain.person.GuessCount;
import dev.larkinbox.domain.person.GuessCounts;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/** Wrong tokens counted in memory, for tests of the web pages, the API and the domain. */
public final class InMemoryGuessCounts implements GuessCounts {
    private final Map<String, GuessCount> byKey = new ConcurrentHashMap<>();

    @Override
    public Map<String, GuessCount> find(Collection<String> keys) {
        Map<String, GuessCount> found = new HashMap<>();
        keys.forEach(key -> {
            GuessCount count = byKey.get(key);
            if (count != null) {
                found.put(key, count);
            }
        });
        return found;
    }

    @Override
    public void count(String key, UnaryOperator<GuessCount> next) {
        byKey.compute(key, (k, count) -> next.apply(count == null ? GuessCount.NONE : count));
    }

    @Override
    public int forgetBefore(Instant before) {
        int kept = byKey.size();
        byKey.values().removeIf(count -> count.last().isBefore(before));
        return kept - byKey.size();
    }
}
