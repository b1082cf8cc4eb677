package dev.larkinbox.domain.paging;

import java.util.List;
import java.util.Objects;

/**
 * One page of a listing, newest first.
 *
 * @param nextCursor opaque; pass it back for the next page. Null when this is the last page.
 */
public record Page<T>(List<T> items, String nextCursor) {
    public Page {
        items = List.copyOf(Objects.requireNonNull(items, "items"));
    }
}
