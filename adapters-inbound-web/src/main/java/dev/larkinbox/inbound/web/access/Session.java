package dev.larkinbox.inbound.web.access;

import dev.larkinbox.domain.workflow.Actor;
import java.time.Instant;
import java.util.Objects;

/**
 * A person signed in to the web inbox.
 *
 * @param id        what the session cookie holds: random, meaningless outside this process
 * @param csrfToken what every form of this session posts back: another site cannot read it, so cannot forge a form
 * @param actor     who the changes made in this session are by
 */
public record Session(String id, String csrfToken, Actor actor, Instant expiresAt) {
    public Session {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(csrfToken, "csrfToken");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    /** The id and the token are secrets: out of logs. */
    @Override
    public String toString() {
        return "Session[expiresAt=" + expiresAt + "]";
    }
}
