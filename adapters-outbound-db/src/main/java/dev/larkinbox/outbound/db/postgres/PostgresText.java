package dev.larkinbox.outbound.db.postgres;

import java.util.List;

/**
 * PostgreSQL text cannot hold U+0000, which JSON can carry as {@code \u0000}: such a character would make a
 * verified event unstorable, so it is stored as U+FFFD. The raw event keeps the escape as received.
 */
public final class PostgresText {
    private PostgresText() {
    }

    public static String storable(String value) {
        return value == null ? null : value.replace('\u0000', '\uFFFD');
    }

    public static String[] storable(List<String> values) {
        return values.stream().map(PostgresText::storable).toArray(String[]::new);
    }
}
