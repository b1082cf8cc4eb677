package dev.larkinbox.outbound.db.preference;

import dev.larkinbox.domain.preference.PersonPreferences;
import dev.larkinbox.domain.preference.Preferences;
import dev.larkinbox.outbound.db.postgres.StorageFailures;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;

/** Each person's preferences in PostgreSQL. */
@Singleton
public class PostgresPreferences implements PersonPreferences {
    private final PreferencesRepository rows;
    private final Clock clock = Clock.systemUTC();

    public PostgresPreferences(PreferencesRepository rows) {
        this.rows = rows;
    }

    @Override
    public Preferences of(String personId) {
        return StorageFailures.reading(() -> rows.findById(personId)
                .map(row -> new Preferences(row.language(), zone(row.zone()))).orElse(Preferences.NONE));
    }

    @Override
    public void save(String personId, Preferences preferences) {
        StorageFailures.writing(() -> {
            rows.save(personId, preferences.language(),
                    preferences.zone() == null ? null : preferences.zone().getId(), clock.instant());
            return null;
        });
    }

    /** A zone this JVM no longer knows (its tz data changed) is as if none was chosen. */
    private static ZoneId zone(String id) {
        try {
            return id == null ? null : ZoneId.of(id);
        } catch (DateTimeException e) {
            return null;
        }
    }
}
