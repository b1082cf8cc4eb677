package dev.larkinbox.inbound.ws;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.time.Duration;
import java.util.Objects;

/**
 * Lark's {@code ClientConfig}: how often to ping and how to reconnect. It comes with the endpoint reply and with
 * every pong, and may change at any time.
 *
 * @param reconnectCount tries per outage; -1 for no limit
 * @param reconnectNonce the first try after a loss waits a random 0..nonce, so that clients do not stampede
 */
record GatewayPolicy(int reconnectCount, Duration reconnectInterval, Duration reconnectNonce, Duration pingInterval) {

    /** Intervals below this are taken as this: a zero interval from the gateway must not become a tight loop. */
    private static final Duration FLOOR = Duration.ofSeconds(1);

    /** What Lark's SDKs assume until the gateway says otherwise. */
    static final GatewayPolicy DEFAULT = new GatewayPolicy(-1, Duration.ofSeconds(120), Duration.ofSeconds(30),
            Duration.ofSeconds(120));

    GatewayPolicy {
        Objects.requireNonNull(reconnectInterval, "reconnectInterval");
        Objects.requireNonNull(reconnectNonce, "reconnectNonce");
        Objects.requireNonNull(pingInterval, "pingInterval");
        if (reconnectCount < -1) {
            throw new IllegalArgumentException("reconnectCount must be -1 or more, was " + reconnectCount);
        }
        if (reconnectInterval.compareTo(FLOOR) < 0 || pingInterval.compareTo(FLOOR) < 0
                || reconnectNonce.isNegative()) {
            throw new IllegalArgumentException("intervals must be at least 1 s and the nonce not negative");
        }
    }

    /** This policy with the fields the JSON names replaced; a field absent or not a number is left as it was. */
    GatewayPolicy with(JsonObject clientConfig) {
        Integer count = integer(clientConfig, "ReconnectCount");
        Integer interval = integer(clientConfig, "ReconnectInterval");
        Integer nonce = integer(clientConfig, "ReconnectNonce");
        Integer ping = integer(clientConfig, "PingInterval");
        return new GatewayPolicy(
                count == null ? reconnectCount : Math.max(-1, count),
                interval == null ? reconnectInterval : atLeastFloor(interval),
                nonce == null ? reconnectNonce : Duration.ofSeconds(Math.max(0, nonce)),
                ping == null ? pingInterval : atLeastFloor(ping));
    }

    boolean unlimited() {
        return reconnectCount == -1;
    }

    private static Duration atLeastFloor(int seconds) {
        Duration d = Duration.ofSeconds(seconds);
        return d.compareTo(FLOOR) < 0 ? FLOOR : d;
    }

    private static Integer integer(JsonObject json, String name) {
        JsonElement e = json.get(name);
        if (e == null || !e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber()) {
            return null;
        }
        return e.getAsInt();
    }
}
