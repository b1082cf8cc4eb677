package dev.larkinbox.domain.person;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The web sessions, shared by every instance of the inbox and kept across restarts. A session is found by the hash
 * of the secret its cookie carries; the secret itself is never stored.
 */
public interface SessionStore {
    /** @return the new session's id */
    long start(String secretHash, String openId, Instant at, String browser);

    /** The session whose secret has this hash, with its person as they are now. */
    Optional<StoredSession> find(String secretHash);

    void seen(long id, Instant at);

    /** The person's sessions, the latest used first. */
    List<StoredSession> of(String openId);

    /** Ends the session, wherever it is used. */
    void end(long id);

    /** Ends the session if it is this person's: one person cannot end another's. */
    boolean end(long id, String openId);

    /**
     * Deletes every session unused since {@code idleBefore} or started before {@code startedBefore}.
     *
     * @return how many
     */
    int endExpired(Instant idleBefore, Instant startedBefore);
}
