package dev.larkinbox.domain.person;

import java.time.Instant;
import java.util.Objects;

/**
 * A web session as kept: the person it is for, as they are now, and never its secret (the store holds only a hash).
 *
 * @param id         names the session on the person's list of their sessions, to end it; no secret
 * @param lastSeenAt when it was last used, to a minute or so
 * @param browser    the browser's {@code User-Agent} at sign-in; null when it sent none
 */
public record StoredSession(long id, Person person, Instant startedAt, Instant lastSeenAt, String browser) {
    public StoredSession {
        Objects.requireNonNull(person, "person");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(lastSeenAt, "lastSeenAt");
    }

    /** The browser is personal data: out of logs. */
    @Override
    public String toString() {
        return "StoredSession[id=" + id + ", startedAt=" + startedAt + ", lastSeenAt=" + lastSeenAt + "]";
    }
}
