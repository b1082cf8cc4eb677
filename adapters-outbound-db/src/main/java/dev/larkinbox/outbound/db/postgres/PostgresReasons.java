package dev.larkinbox.outbound.db.postgres;

import dev.larkinbox.domain.reason.Reason;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Reasons as stored: each reason's key and arguments in one text, separated by U+001F (a backslash escapes a
 * backslash, and {@code \s} an U+001F of an argument), so that it is read in the reader's language. A feedback keeps
 * its triage's English text in one array, for whoever reads the table, and the keys beside it ({@link #texts},
 * {@link #keys}; V27). A problem's columns of reasons, and an outbox's {@code last_error} of an entry given up, hold the
 * keyed texts themselves ({@link #stored}), each marked by a leading U+001F, which no text stored before began with:
 * rows stored before keys show their text as it is.
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

    /** The reason as one text of a problem's column of reasons. */
    public static String stored(Reason reason) {
        return PostgresText.storable(SEPARATOR + encode(reason));
    }

    /** A text of a problem's column of reasons: keyed, or stored before keys and shown as it is. */
    public static Reason ofStored(String text) {
        return text.isEmpty() || text.charAt(0) != SEPARATOR ? Reason.verbatim(text)
                : decode(text.substring(1), text.substring(1).replace(SEPARATOR, ' '));
    }

    public static List<Reason> ofStored(String[] texts) {
        return Arrays.stream(texts).map(PostgresReasons::ofStored).toList();
    }

    static String encode(Reason reason) {
        StringBuilder encoded = new StringBuilder(reason.key());
        for (String arg : reason.args()) {
            encoded.append(SEPARATOR).append(arg.replace("\\", "\\\\").replace(String.valueOf(SEPARATOR), "\\s"));
        }
        return encoded.toString();
    }

    /** The reason of the key, or the text given when its key is one this version does not know. */
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
