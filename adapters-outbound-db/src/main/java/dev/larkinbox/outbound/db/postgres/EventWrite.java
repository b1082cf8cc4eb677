package dev.larkinbox.outbound.db.postgres;

import dev.larkinbox.outbound.db.inbox.FeedbackRow;
import dev.larkinbox.outbound.db.ledger.LedgerRow;
import dev.larkinbox.outbound.db.revocation.RevocationRow;
import dev.larkinbox.outbound.db.version.VersionEventRow;
import io.micronaut.core.annotation.Nullable;
import java.time.Instant;
import java.util.Objects;

/**
 * What storing one event writes, as rows, so that a batch of events is written in one statement
 * ({@link EventBatch}). Its ledger entry decides whether it is new; its own row is written only then.
 *
 * @param entry      its ledger entry; null for a conflict, which is kept beside the entry of the first event
 * @param feedback   its feedback row, for a feedback
 * @param announce   whether a stored feedback gets a chat card
 * @param revocation its revocation row, for a revocation
 * @param version    its version_event row, for a version's publish application or review
 * @param conflict   for an event that reused another's id
 */
public record EventWrite(String eventId, @Nullable LedgerRow entry, @Nullable FeedbackRow feedback, boolean announce,
                         @Nullable RevocationRow revocation, @Nullable VersionEventRow version,
                         @Nullable Conflict conflict) {

    public EventWrite {
        Objects.requireNonNull(eventId, "eventId");
        if ((entry == null) == (conflict == null)) {
            throw new IllegalArgumentException("an event writes its ledger entry, or else a conflict");
        }
        if ((feedback != null ? 1 : 0) + (revocation != null ? 1 : 0) + (version != null ? 1 : 0) > 1) {
            throw new IllegalArgumentException("an event is a feedback, a revocation or a version step, one of them");
        }
    }

    /** An event recorded in the ledger only (ignored, malformed). */
    public static EventWrite entry(LedgerRow entry) {
        return new EventWrite(entry.eventId(), entry, null, false, null, null, null);
    }

    public static EventWrite feedback(LedgerRow entry, FeedbackRow feedback, boolean announce) {
        return new EventWrite(entry.eventId(), entry, feedback, announce, null, null, null);
    }

    public static EventWrite revocation(LedgerRow entry, RevocationRow revocation) {
        return new EventWrite(entry.eventId(), entry, null, false, revocation, null, null);
    }

    public static EventWrite version(LedgerRow entry, VersionEventRow version) {
        return new EventWrite(entry.eventId(), entry, null, false, null, version, null);
    }

    public static EventWrite conflict(Conflict conflict) {
        return new EventWrite(conflict.eventId(), null, null, false, null, null, conflict);
    }

    /** A row of {@code event_conflict}: an event kept raw because another one came first under its id. */
    public record Conflict(String eventId, String transport, Instant receivedAt, String rawEvent) {
        /** The raw event stays out of logs. */
        @Override
        public String toString() {
            return "Conflict[eventId=" + eventId + "]";
        }
    }
}
