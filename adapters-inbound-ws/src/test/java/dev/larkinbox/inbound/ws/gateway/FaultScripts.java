package dev.larkinbox.inbound.ws.gateway;

import com.google.gson.JsonObject;
import io.netty.channel.ChannelOption;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The trouble a test can script, as Lark's gateway or the network make it: connections dropped, closed or
 * silent, endpoint calls answered with error codes, upgrades refused. (Fragments that never come are published
 * as such: {@link LarkGateway#publishIncomplete}.)
 */
final class FaultScripts {
    /** A refused upgrade, as Lark says why in {@code handshake-*} headers. */
    record Refusal(int status, int authErrCode, String msg) {
    }

    private final DeliveryBook book;

    private final Object lock = new Object();
    // guarded by lock
    private final Scripted<JsonObject> endpointFailures = new Scripted<>();
    private final Scripted<Refusal> refusals = new Scripted<>();

    FaultScripts(DeliveryBook book) {
        this.book = book;
    }

    /** Ends every open connection abruptly: a TCP reset, no Close frame. */
    void dropConnections() {
        for (GatewayConnection c : book.openConnections()) {
            c.ch.config().setOption(ChannelOption.SO_LINGER, 0);
            c.ch.close();
        }
    }

    /** Sends a Close frame on every open connection, as Lark does before a restart, then ends them. */
    void closeConnections(int code, String reason) {
        for (GatewayConnection c : book.openConnections()) {
            c.closing = true;
            c.ch.writeAndFlush(new CloseWebSocketFrame(code, reason));
            // the client answers with its own Close; this only ends a client that does not
            c.ch.eventLoop().schedule(() -> c.ch.close(), 2, TimeUnit.SECONDS);
        }
    }

    /** The open connections fall silent, as dead ones do: no pong, no data. New connections behave. */
    void silenceConnections() {
        for (GatewayConnection c : book.openConnections()) {
            c.silent = true;
        }
    }

    /** The next {@code times} endpoint calls (-1: all, until changed) answer this code. */
    void failEndpoint(int code, String msg, int times) {
        JsonObject reply = new JsonObject();
        reply.addProperty("code", code);
        reply.addProperty("msg", msg);
        synchronized (lock) {
            endpointFailures.set(reply, times);
        }
    }

    /** The next {@code times} upgrades (-1: all, until changed) are refused with these {@code handshake-*} headers. */
    void refuseHandshakes(int status, int authErrCode, String msg, int times) {
        synchronized (lock) {
            refusals.set(new Refusal(status, authErrCode, msg), times);
        }
    }

    /** The reply for this endpoint call when a failure is scripted for it; counts it. */
    Optional<JsonObject> endpointFailure() {
        synchronized (lock) {
            return endpointFailures.next().map(JsonObject::deepCopy);
        }
    }

    /** The refusal for this upgrade when one is scripted for it; counts it. */
    Optional<Refusal> handshakeRefusal() {
        synchronized (lock) {
            return refusals.next();
        }
    }

    /** One fault for the next {@code times} occasions (-1: every one, until set again). */
    private static final class Scripted<T> {
        private T fault;
        private int left;

        void set(T fault, int times) {
            this.fault = fault;
            this.left = times;
        }

        Optional<T> next() {
            if (left == 0) {
                return Optional.empty();
            }
            if (left > 0) {
                left--;
            }
            return Optional.of(fault);
        }
    }
}
