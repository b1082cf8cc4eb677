package dev.larkinbox.domain.inbox;

/**
 * How many feedback a filter matches, as a view shows it: exactly, or only that it is more than {@link #CAP}
 * ("1,000+", as the best inboxes show a big search's count) when counting every match would read them all.
 *
 * @param count the count, or {@link #CAP} when {@code more}
 * @param more  whether more than {@code count} match
 */
public record MatchCount(long count, boolean more) {
    /** Past this many, a count read from the feedback themselves stops. */
    public static final long CAP = 1000;

    public MatchCount {
        if (count < 0 || (more && count != CAP)) {
            throw new IllegalArgumentException("a count is at least 0, and " + CAP + " when more match");
        }
    }

    public static MatchCount exact(long count) {
        return new MatchCount(count, false);
    }

    /** Of a count that stopped one past the cap. */
    public static MatchCount upTo(long counted) {
        return counted > CAP ? new MatchCount(CAP, true) : exact(counted);
    }
}
