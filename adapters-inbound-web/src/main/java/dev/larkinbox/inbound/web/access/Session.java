package dev.larkinbox.inbound.web.access;

import dev.larkinbox.domain.person.Person;
import dev.larkinbox.domain.workflow.Actor;
import io.micronaut.core.annotation.Nullable;
import java.time.Instant;
import java.util.Objects;

/**
 * A person signed in to the web inbox.
 *
 * @param id         names the session on the person's list of their sessions; no secret
 * @param secret     what the session cookie holds: random; the store keeps only its hash
 * @param csrfToken  what every form of this session posts back: another site cannot read it, so cannot forge a form
 * @param person     who is signed in, with their role as it is now
 * @param startedAt  when they signed in: the absolute lifetime counts from here
 * @param lastSeenAt when the session was last used, to a minute or so: the idle timeout counts from here
 * @param browser    the browser's {@code User-Agent} at sign-in, for the person's list of their sessions
 */
public record Session(long id, String secret, String csrfToken, Person person, Instant startedAt, Instant lastSeenAt,
                      @Nullable String browser) {
    public Session {
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(csrfToken, "csrfToken");
        Objects.requireNonNull(person, "person");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(lastSeenAt, "lastSeenAt");
    }

    /** Who the changes made in this session are by. */
    public Actor actor() {
        return person.actor();
    }

    /** The secret and the token are secrets, the person personal data: out of logs. */
    @Override
    public String toString() {
        return "Session[id=" + id + ", startedAt=" + startedAt + ", lastSeenAt=" + lastSeenAt + "]";
    }
}
