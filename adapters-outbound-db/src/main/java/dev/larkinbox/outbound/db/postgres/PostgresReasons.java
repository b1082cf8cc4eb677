package dev.larkinbox.outbound.db.postgres;

import dev.larkinbox.domain.reason.Reason;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Reasons as stored: their English text in one array, for the API and whoever reads the table, and beside it each
 * reason's key and arguments in one text, separated by U+001F (a backslash escapes a backslash, and {@code \s} an
 * U+001F of an argument), for the reader's language. Rows stored before keys have none: their text is shown as it is.
 */
public final class PostgresReasons {
    private static final char SEPARATOR = '\u001F';

    private PostgresReasons() {
    }

    public static String[] texts(List<Reason> reasons) {
        return PostgresText.storable(reasons.stream().map(Reason::english).toList());
    }

    public static String[] keys(List<Reason> reasons) {
        return PostgresText.storable(reasons.stream().map(PostgresReasons::encode).toList());
    }

    /** @param keys null for rows stored before reasons had keys */
    public static List<Reason> read(String[] texts, String[] keys) {
        if (keys == null || keys.length != texts.length) {
            return Arrays.stream(texts).map(Reason::verbatim).toList();
        }
        return IntStream.range(0, keys.length).mapToObj(i -> decode(keys[i], texts[i])).toList();
    }

    static String encode(Reason reason) {
        StringBuilder encoded = new StringBuilder(reason.key());
        for (String arg : reason.args()) {
            encoded.append(SEPARATOR).append(arg.replace("\\", "\\\\").replace(String.valueOf(SEPARATOR), "\\s"));
        }
        return encoded.toString();
    }

    /** The reason of the key, or its text as it is when its key is one this version does not know. */
    static Reason decode(String encoded, String text) {
        List<String> parts = new ArrayList<>();
        StringBuilder part = new StringBuilder();
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c == SEPARATOR) {
                parts.add(part.toString());
                part.setLength(0);
            } else if (c == '\\' && i + 1 < encoded.length()) {
                part.append(encoded.charAt(++i) == 's' ? SEPARATOR : encoded.charAt(i));
            } else {
                part.append(c);
            }
        }
        parts.add(part.toString());
        try {
            return new Reason(parts.get(0), parts.subList(1, parts.size()));
        } catch (IllegalArgumentException unknownKey) {
            return Reason.verbatim(text);
        }
    }
}
