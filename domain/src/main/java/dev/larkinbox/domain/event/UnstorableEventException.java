package dev.larkinbox.domain.event;

/**
 * The store refused this event's own values (the database is up). Delivering it again cannot mend it, so the
 * event is kept raw as malformed and acknowledged; other events are not affected.
 */
public class UnstorableEventException extends RuntimeException {
    /** @param message names the defect (such as a SQL state), never a value */
    public UnstorableEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
