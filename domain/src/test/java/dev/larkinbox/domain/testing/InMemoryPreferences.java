package dev.larkinbox.domain.testing;

import dev.larkinbox.domain.preference.PersonPreferences;
import dev.larkinbox.domain.preference.Preferences;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Each person's preferences in memory, as the PostgreSQL store keeps them. */
public final class InMemoryPreferences implements PersonPreferences {
    private final Map<String, Preferences> byPerson = new ConcurrentHashMap<>();

    @Override
    public Preferences of(String personId) {
        return byPerson.getOrDefault(personId, Preferences.NONE);
    }

    @Override
    public void save(String personId, Preferences preferences) {
        byPerson.put(personId, preferences);
    }
}
