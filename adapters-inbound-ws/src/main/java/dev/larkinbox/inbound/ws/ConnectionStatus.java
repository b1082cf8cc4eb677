package dev.larkinbox.inbound.ws;

import java.time.Instant;
import java.util.Objects;

/**
 * The long connection as {@code /health} reports it.
 *
 * @param since      when it entered this state
 * @param reconnects how many times a lost connection was re-established since start
 * @param lastError  why the last connection ended or the last attempt failed; never a secret or a payload
 */
public record ConnectionStatus(State state, Instant since, long reconnects, String lastError) {

    public enum State {
        /** Not started yet. */
        NEW,
        /** Connecting for the first time. */
        CONNECTING,
        /** Connected: events flow. */
        CONNECTED,
        /** A connection was lost: trying again. */
        RECONNECTING,
        /** Lark's ReconnectCount tries all failed: no more attempts until the service restarts. */
        GAVE_UP,
        /** Closed on purpose. */
        STOPPED
    }

    public ConnectionStatus {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(since, "since");
        if (reconnects < 0) {
            throw new IllegalArgumentException("reconnects must not be negative");
        }
    }

    public boolean connected() {
        return state == State.CONNECTED;
    }
}
