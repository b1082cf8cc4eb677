package dev.larkinbox.domain.sync;

import dev.larkinbox.domain.reason.Reason;
import java.time.Instant;
import java.util.List;

/**
 * Outgoing port: a durable outbox of things Lark has to be told. Entries are written in the transaction of what
 * they announce; this port hands them out and notes what became of them. Several instances of the service may
 * share it.
 */
public interface Outbox<E extends OutboxEntry> {

    /**
     * Claims entries due at {@code now}, oldest first, and hides them from other claims until {@code leaseUntil}
     * (so a worker that dies with them leaves them to be claimed again). Of one feedback only the oldest pending
     * entry is ever handed out, so that Lark hears of a feedback in the order things happened.
     */
    List<E> claimDue(Instant now, Instant leaseUntil, int max);

    /** Lark took it. */
    void delivered(long id, Instant at);

    /**
     * Sending failed; counts an attempt (and a refusal when Lark refused it) and hides the entry until
     * {@code nextAttemptAt}.
     *
     * @param error what went wrong, for a person (no personal data)
     */
    void retryLater(long id, boolean refused, Instant nextAttemptAt, String error);

    /** Gives a claimed entry back unsent, due at {@code at}; no attempt is counted. */
    void release(long id, Instant at);

    /**
     * Lark refused it once too often: counts the refusal and gives the entry up, so later entries go on.
     *
     * @param why why it was given up, kept for a person to read in their language (no personal data)
     */
    void abandon(long id, Instant at, Reason why);
}
