package dev.larkinbox.domain.version;

import dev.larkinbox.domain.event.EventMeta;
import java.util.Objects;

/** @param rawEvent the event JSON as received, kept for audit */
public record RecordVersionStepCommand(EventMeta meta, VersionStep step, String rawEvent) {
    public RecordVersionStepCommand {
        Objects.requireNonNull(meta, "meta");
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(rawEvent, "rawEvent");
    }
}
