package dev.larkinbox.inbound.lark;

import dev.larkinbox.domain.event.Bounds;
import dev.larkinbox.domain.event.EventMeta;
import dev.larkinbox.domain.event.Transport;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/** An event's header as the domain's {@link EventMeta}: what every stored event is filed under. */
final class HeaderMeta {
    private HeaderMeta() {
    }

    /**
     * @throws MalformedEventException  no {@code header.event_id} or {@code header.event_type}
     * @throws IllegalArgumentException a value out of {@link Bounds} (the message names the field)
     */
    static EventMeta of(LarkEnvelope envelope, Transport transport, Instant receivedAt) {
        if (isBlank(envelope.eventId()) || isBlank(envelope.eventType())) {
            throw new MalformedEventException("the event has no header.event_id or header.event_type");
        }
        return new EventMeta(envelope.eventId(), envelope.eventType(), envelope.appId(), envelope.tenantKey(),
                envelope.createdAt(), receivedAt, transport);
    }

    /**
     * The meta of an event whose header is out of {@link Bounds}: what is out is left out (the raw event holds
     * it), and an over-long id becomes a key that the same id always maps to, so that a redelivery is a
     * duplicate, and that cannot pass for one of Lark's ids.
     */
    static EventMeta kept(LarkEnvelope envelope, Transport transport, Instant receivedAt) {
        return new EventMeta(key(envelope.eventId()), key(envelope.eventType()), within(envelope.appId()),
                within(envelope.tenantKey()), withinCalendar(envelope.createdAt()), receivedAt, transport);
    }

    /**
     * Lark stamps the event when the revocation, application or review happens; without that stamp, the time it
     * reached us.
     */
    static Instant happenedAt(EventMeta meta) {
        return meta.createdAt() != null ? meta.createdAt() : meta.receivedAt();
    }

    private static String key(String id) {
        if (id.length() <= Bounds.MAX_ID_LENGTH) {
            return id;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static String within(String id) {
        return id == null || id.length() <= Bounds.MAX_ID_LENGTH ? id : null;
    }

    private static Instant withinCalendar(Instant at) {
        try {
            return Bounds.requireCalendar(at, "createdAt");
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
