package dev.larkinbox.domain.platform;

/**
 * Lark's open API could not be reached or did not answer usefully (network, timeout, a server error, no access
 * token): worth trying again later. The message names the failure, never a request's content.
 */
public class LarkUnavailableException extends RuntimeException {
    public LarkUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
