package dev.larkinbox.domain.workflow;

/**
 * The feedback kept changing under a change decided on an earlier version, also after retries: nothing was written.
 */
public class ConcurrentChangeException extends RuntimeException {
    public ConcurrentChangeException(String message) {
        super(message);
    }
}
