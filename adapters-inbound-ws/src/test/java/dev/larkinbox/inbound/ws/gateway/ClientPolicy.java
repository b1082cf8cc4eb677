package dev.larkinbox.inbound.ws.gateway;

import com.google.gson.JsonObject;

/** Lark's {@code ClientConfig}, in seconds, as the gateway hands it out with the endpoint reply and in pongs. */
public record ClientPolicy(int reconnectCount, int reconnectIntervalSeconds, int reconnectNonceSeconds,
                           int pingIntervalSeconds) {

    /** Quick, for tests: retry every second, forever, ping every second. */
    public static final ClientPolicy FAST = new ClientPolicy(-1, 1, 1, 1);

    public ClientPolicy {
        if (reconnectCount < -1 || reconnectIntervalSeconds < 0 || reconnectNonceSeconds < 0
                || pingIntervalSeconds < 0) {
            throw new IllegalArgumentException("counts from -1, intervals from 0");
        }
    }

    public JsonObject toJson() {
        JsonObject json = new JsonObject();
        json.addProperty("ReconnectCount", reconnectCount);
        json.addProperty("ReconnectInterval", reconnectIntervalSeconds);
        json.addProperty("ReconnectNonce", reconnectNonceSeconds);
        json.addProperty("PingInterval", pingIntervalSeconds);
        return json;
    }
}
