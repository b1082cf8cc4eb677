package dev.larkinbox.domain.event;

import dev.larkinbox.domain.validation.Text;
import java.time.Instant;
import java.util.Objects;

/**
 * The envelope of one Lark event. {@code eventId} is what at-least-once delivery is deduplicated on.
 * {@code appId}, {@code tenantKey} and {@code createdAt} are optional: Lark may leave them out and an
 * event is never refused for that. Ids are at most {@link Bounds#MAX_ID_LENGTH} characters and times fall in
 * years 1 to 9999.
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
        Bounds.requireId(Text.requireNonBlank(eventId, "eventId"), "eventId");
        Bounds.requireId(Text.requireNonBlank(eventType, "eventType"), "eventType");
        Bounds.requireId(appId, "appId");
        Bounds.requireId(tenantKey, "tenantKey");
        Bounds.requireCalendar(createdAt, "createdAt");
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(transport, "transport");
    }
}
