package dev.larkinbox.inbound.ws;

/**
 * A connection attempt failed. {@link #refused()} tells Lark's refusals of this client (bad credentials, too many
 * connections), which only a long wait can help, from server or network trouble, retried at Lark's interval.
 * The message is safe to log and to show on {@code /health}: no secret, no connection ticket.
 */
final class ConnectFailure extends Exception {
    private final boolean refused;

    private ConnectFailure(String message, boolean refused) {
        super(message, null, false, false);
        this.refused = refused;
    }

    static ConnectFailure trouble(String message) {
        return new ConnectFailure(message, false);
    }

    static ConnectFailure refused(String message) {
        return new ConnectFailure(message, true);
    }

    boolean refused() {
        return refused;
    }
}
