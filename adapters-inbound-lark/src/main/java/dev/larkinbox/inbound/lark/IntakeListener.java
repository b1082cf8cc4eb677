package dev.larkinbox.inbound.lark;

import dev.larkinbox.domain.event.Transport;

/**
 * Told what became of each delivered event, by either transport: for the service's metrics and its periodic
 * summary, which the domain knows nothing of. Called on the delivering thread: it must be quick.
 */
public interface IntakeListener {
    /** Hears nothing. */
    IntakeListener NONE = new IntakeListener() {
    };

    /** Why an event was not taken (the sender is told so and delivers again, or gives up). */
    enum Refusal {
        /** its signature or token did not match */
        UNVERIFIED("unverified"),
        /** not an event: not JSON, or no event id or type */
        UNREADABLE("unreadable"),
        /** the body is over the size limit */
        TOO_LARGE("too_large"),
        /** it could not be committed */
        STORAGE_UNAVAILABLE("storage_unavailable");

        private final String label;

        Refusal(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** Committed (or found to be a duplicate): the sender is acknowledged. */
    default void taken(Transport transport, Intake intake) {
    }

    /** @param eventType the event's type, null when it could not be read */
    default void refused(Transport transport, String eventType, Refusal reason) {
    }
}
