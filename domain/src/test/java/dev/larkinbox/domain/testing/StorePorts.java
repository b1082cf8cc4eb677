package dev.larkinbox.domain.testing;

import dev.larkinbox.domain.inbox.FeedbackInbox;
import dev.larkinbox.domain.ledger.EventLedger;
import dev.larkinbox.domain.revocation.RevocationHistory;
import java.util.Objects;

/** The three store ports of one store, as {@link StorePortsContract} exercises them together. */
public record StorePorts(FeedbackInbox inbox, RevocationHistory history, EventLedger ledger) {
    public StorePorts {
        Objects.requireNonNull(inbox, "inbox");
        Objects.requireNonNull(history, "history");
        Objects.requireNonNull(ledger, "ledger");
    }

    public static StorePorts of(InMemoryStore store) {
        return new StorePorts(store, store, store);
    }
}
