package dev.larkinbox.inbound.http.error;

import java.util.Objects;

/** A refusal this service decided on, answered as a problem document by {@link Refusals}. */
public class RefusalException extends RuntimeException {
    private final ErrorType type;

    /** @param detail names the reason; it is sent to the client and logged, so it never holds request data */
    public RefusalException(ErrorType type, String detail) {
        // no stack trace: this is an answer, not a fault, and it must be cheap under a flood of bad requests
        super(detail, null, false, false);
        this.type = Objects.requireNonNull(type, "type");
    }

    public ErrorType type() {
        return type;
    }
}
