package dev.larkinbox.domain.paging;

/**
 * A page of a newest-first listing.
 *
 * @param limit  how many items at most, 1 to {@link #MAX_LIMIT}
 * @param cursor where the previous page ended, as the store gave it in {@link Page#nextCursor()}; null for
 *               the first page
 */
public record PageRequest(int limit, String cursor) {
    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;

    public PageRequest {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT + ", was " + limit);
        }
    }

    public static PageRequest first(int limit) {
        return new PageRequest(limit, null);
    }
}
