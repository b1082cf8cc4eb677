package dev.larkinbox.domain.revocation;

import dev.larkinbox.domain.event.EventMeta;
import java.util.Objects;

/** @param rawEvent the event JSON as received, kept for audit */
public record RecordRevocationCommand(EventMeta meta, AppVersionRevocation revocation, String rawEvent) {
    public RecordRevocationCommand {
        Objects.requireNonNull(meta, "meta");
        Objects.requireNonNull(revocation, "revocation");
        Objects.requireNonNull(rawEvent, "rawEvent");
    }
}
