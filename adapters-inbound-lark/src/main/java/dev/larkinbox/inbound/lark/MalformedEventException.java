package dev.larkinbox.inbound.lark;

/**
 * A payload that cannot be an event at all: not a JSON object, or no {@code header.event_id} /
 * {@code header.event_type}. Nothing is stored; the message names the defect and never the payload.
 */
public class MalformedEventException extends RuntimeException {
    public MalformedEventException(String message) {
        super(message);
    }

    public MalformedEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
