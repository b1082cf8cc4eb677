package dev.larkinbox.domain.event;

import java.time.Instant;
import java.util.Objects;

/**
 * The envelope of one Lark event. {@code eventId} is what at-least-once delivery is deduplicated on.
 * {@code appId}, {@code tenantKey} and {@code createdAt} are optional: Lark may leave them out and an
 * event is never refused for that.
 */
public record EventMeta(
        String eventId,
        String eventType,
        String appId,
        String tenantKey,
        Instant createdAt,
        Instant receivedAt,
        Transport transport) {

    public EventMeta {
        Text.requireNonBlank(eventId, "eventId");
        Text.requireNonBlank(eventType, "eventType");
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(transport, "transport");
    }
}
