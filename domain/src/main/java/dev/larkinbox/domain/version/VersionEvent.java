package dev.larkinbox.domain.version;

import dev.larkinbox.domain.event.UserRef;
import java.time.Instant;
import java.util.Objects;

/**
 * One step in a version's life.
 *
 * @param at       when Lark created the event
 * @param operator who did it (personal data: never logged); {@link UserRef#NONE} when Lark did not say
 * @param remark   the reviewer's remark on an approval or rejection; null otherwise or when none
 */
public record VersionEvent(String eventId, VersionEventKind kind, Instant at, UserRef operator, String remark) {
    public VersionEvent {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(at, "at");
        operator = operator == null ? UserRef.NONE : operator;
    }

    @Override
    public String toString() {
        return "VersionEvent[eventId=" + eventId + ", kind=" + kind.label() + ", at=" + at + "]";
    }
}
