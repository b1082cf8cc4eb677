package dev.larkinbox.domain.testing;

import dev.larkinbox.domain.ledger.EventLedger;
import dev.larkinbox.domain.revocation.RevocationHistory;
import dev.larkinbox.domain.version.VersionSteps;
import dev.larkinbox.domain.version.VersionTimeline;
import java.util.Objects;

/** The ports of one store that versions use, as {@link VersionPortsContract} exercises them together. */
public record VersionPorts(VersionSteps steps, VersionTimeline timeline, RevocationHistory revocations,
                           EventLedger ledger) {
    public VersionPorts {
        Objects.requireNonNull(steps, "steps");
        Objects.requireNonNull(timeline, "timeline");
        Objects.requireNonNull(revocations, "revocations");
        Objects.requireNonNull(ledger, "ledger");
    }

    public static VersionPorts of(InMemoryStore store) {
        return new VersionPorts(store, store, store, store);
    }
}
