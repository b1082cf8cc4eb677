package dev.larkinbox.outbound.db.postgres;

import dev.larkinbox.domain.paging.InvalidCursorException;
import dev.larkinbox.domain.paging.Page;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

/**
 * A position in a listing ordered by rank (such as the priority, lowest first), then newest first: the rank, receive
 * time and event id of the last item shown. Newest-first listings rank every item the same (empty). Its cursor is
 * opaque to clients and names its listing, so that a cursor of one listing is refused by another.
 */
public record Keyset(String rank, Instant receivedAt, String eventId) {
    private static final String UNRANKED = "";

    /** A position in a plain newest-first listing. */
    public Keyset(Instant receivedAt, String eventId) {
        this(UNRANKED, receivedAt, eventId);
    }

    /** The position a cursor names, or null for the first page. */
    public static Keyset fromCursor(String cursor, String listing) {
        if (cursor == null) {
            return null;
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split(":", 5);
            if (parts.length == 5 && parts[0].equals(listing) && !parts[4].isEmpty()) {
                return new Keyset(parts[1], Instant.ofEpochSecond(Long.parseLong(parts[2]), Long.parseLong(parts[3])),
                        parts[4]);
            }
        } catch (IllegalArgumentException | DateTimeException | ArithmeticException e) {
            // not base64, or numbers out of range: not one of ours either
        }
        throw new InvalidCursorException("not a cursor of this listing");
    }

    public String toCursor(String listing) {
        String plain = listing + ":" + rank + ":" + receivedAt.getEpochSecond() + ":" + receivedAt.getNano() + ":"
                + eventId;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The page for rows fetched with a limit one above the page's: the extra row only tells that a next page
     * exists.
     */
    public static <R, T> Page<T> page(List<R> rows, int limit, String listing, Function<R, Keyset> position,
                                      Function<R, T> toItem) {
        if (rows.size() <= limit) {
            return new Page<>(rows.stream().map(toItem).toList(), null);
        }
        List<R> shown = rows.subList(0, limit);
        return new Page<>(shown.stream().map(toItem).toList(),
                position.apply(shown.get(limit - 1)).toCursor(listing));
    }
}
