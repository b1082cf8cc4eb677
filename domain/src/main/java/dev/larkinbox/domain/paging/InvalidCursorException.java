package dev.larkinbox.domain.paging;

/** A cursor that no store of ours produced (tampered, truncated, or from another listing). */
public class InvalidCursorException extends IllegalArgumentException {
    public InvalidCursorException(String message) {
        super(message);
    }
}
