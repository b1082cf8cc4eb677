package dev.larkinbox.domain.recovery;

import dev.larkinbox.domain.event.Delivery;
import dev.larkinbox.domain.inbox.TriagedFeedback;

/** Outgoing port: the inbox, taking feedback whose event never reached us. */
public interface RecoveryInbox {

    /**
     * Stores the feedback with a ledger entry of outcome {@code recovered} under its (synthetic) event id, in one
     * transaction. A feedback id already in the inbox, or an event id seen before, stores nothing and is a
     * {@link Delivery#DUPLICATE}, also when two recoveries race.
     *
     * @param raw      the feedback's JSON as Lark listed it
     * @param announce whether its chat card is to be posted, in the same transaction
     * @throws dev.larkinbox.domain.event.StorageUnavailableException when nothing could be committed
     */
    Delivery addRecovered(TriagedFeedback item, String raw, boolean announce);

    /** Stores the feedback without a chat card. */
    default Delivery addRecovered(TriagedFeedback item, String raw) {
        return addRecovered(item, raw, false);
    }
}
