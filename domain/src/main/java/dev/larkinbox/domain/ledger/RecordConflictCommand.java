package dev.larkinbox.domain.ledger;

import dev.larkinbox.domain.event.EventMeta;
import java.util.Objects;

/**
 * An event that came under an event id the ledger already holds for a different event: kept aside, raw, so that
 * neither is lost and a person can see that the id was reused.
 */
public record RecordConflictCommand(EventMeta meta, String rawEvent) {
    public RecordConflictCommand {
        Objects.requireNonNull(meta, "meta");
        Objects.requireNonNull(rawEvent, "rawEvent");
    }
}
