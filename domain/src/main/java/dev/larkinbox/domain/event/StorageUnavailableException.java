package dev.larkinbox.domain.event;

/**
 * The store could not commit. The event must not be acknowledged, so that Lark delivers it again.
 */
public class StorageUnavailableException extends RuntimeException {
    public StorageUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
