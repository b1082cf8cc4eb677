package dev.larkinbox.domain.revocation;

import dev.larkinbox.domain.event.EventMeta;
import java.util.Objects;

/** A revocation as the history keeps it, with the event that told us. */
public record RecordedRevocation(EventMeta meta, AppVersionRevocation revocation) {
    public RecordedRevocation {
        Objects.requireNonNull(meta, "meta");
        Objects.requireNonNull(revocation, "revocation");
    }
}
