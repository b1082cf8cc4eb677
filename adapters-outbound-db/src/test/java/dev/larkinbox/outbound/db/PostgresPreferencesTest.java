package dev.larkinbox.outbound.db;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.larkinbox.domain.preference.PersonPreferences;
import dev.larkinbox.domain.preference.Preferences;
import java.time.ZoneId;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A person's language and zone on PostgreSQL: kept per person, each choice leaving the other as it was. */
class PostgresPreferencesTest {
    private final PersonPreferences preferences = PostgresTestDatabase.context().getBean(PersonPreferences.class);
    private final String alice = "alice-" + UUID.randomUUID();

    @Test
    void aPersonWhoChoseNothingHasNoPreferences() {
        assertEquals(Preferences.NONE, preferences.of(alice));
    }

    @Test
    void eachChoiceIsKeptForThatPersonAloneAndLeavesTheOtherAsItWas() {
        preferences.save(alice, preferences.of(alice).withLanguage("zh-CN"));
        preferences.save(alice, preferences.of(alice).withZone(ZoneId.of("Europe/Berlin")));

        assertEquals(new Preferences("zh-CN", ZoneId.of("Europe/Berlin")), preferences.of(alice));
        assertEquals(Preferences.NONE, preferences.of("bob-" + UUID.randomUUID()));

        preferences.save(alice, preferences.of(alice).withLanguage("en"));
        assertEquals(new Preferences("en", ZoneId.of("Europe/Berlin")), preferences.of(alice));
    }
}
