package dev.larkinbox.domain.workflow;

/** The caller changed a version of the feedback that is no longer the current one. */
public class StaleVersionException extends RuntimeException {
    private final long current;

    public StaleVersionException(long expected, long current) {
        super("the feedback is at version " + current + ", not " + expected);
        this.current = current;
    }

    public long current() {
        return current;
    }
}
