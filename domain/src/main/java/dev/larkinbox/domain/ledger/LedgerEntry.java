package dev.larkinbox.domain.ledger;

import dev.larkinbox.domain.event.EventMeta;
import java.util.Objects;

/** One row of the event ledger: every event that was ever accepted, once. */
public record LedgerEntry(EventMeta meta, LedgerOutcome outcome) {
    public LedgerEntry {
        Objects.requireNonNull(meta, "meta");
        Objects.requireNonNull(outcome, "outcome");
    }
}
