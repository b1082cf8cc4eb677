package dev.larkinbox.inbound.lark;

/** A verified event of a handled type whose body cannot become a domain record. */
final class UntranslatableEventException extends RuntimeException {
    UntranslatableEventException(String message) {
        super(message, null, false, false);
    }
}
