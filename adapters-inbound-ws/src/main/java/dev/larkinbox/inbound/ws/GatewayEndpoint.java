package dev.larkinbox.inbound.ws;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** The first step of every connection: ask Lark's endpoint for a WebSocket URL, and read refusals. */
final class GatewayEndpoint {
    /** Endpoint codes that mean trouble on Lark's side: retried at Lark's reconnect interval. */
    private static final int SYSTEM_BUSY = 1;
    private static final int INTERNAL_ERROR = 1000040343;
    /** Handshake statuses that refuse this client: forbidden, and authentication failed / too many connections. */
    private static final int FORBIDDEN = 403;
    private static final int AUTH_FAILED = 514;
    private static final int TOO_MANY_CONNECTIONS = 1000040350;

    /**
     * Where to connect.
     *
     * @param url          secret-bearing (it carries a ticket): never log more than its host
     * @param clientConfig Lark's ClientConfig, null when the reply had none
     */
    record Grant(URI url, int serviceId, JsonObject clientConfig) {
    }

    private final LongConnectionConfig config;

    GatewayEndpoint(LongConnectionConfig config) {
        this.config = config;
    }

    Grant fetch(HttpClient http) throws ConnectFailure, InterruptedException {
        JsonObject body = new JsonObject();
        body.addProperty("AppID", config.appId());
        body.addProperty("AppSecret", config.appSecret());
        HttpRequest request = HttpRequest.newBuilder(config.endpoint())
                .timeout(config.connectTimeout())
                .header("locale", "zh")
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw ConnectFailure.trouble("endpoint unreachable: " + e.getClass().getSimpleName());
        }
        if (response.statusCode() != 200) {
            throw ConnectFailure.trouble("endpoint answered HTTP " + response.statusCode());
        }
        return grant(response.body());
    }

    private Grant grant(String text) throws ConnectFailure {
        JsonObject reply;
        try {
            JsonElement parsed = JsonParser.parseString(text);
            if (!parsed.isJsonObject()) {
                throw ConnectFailure.trouble("endpoint reply is not a JSON object");
            }
            reply = parsed.getAsJsonObject();
        } catch (JsonParseException e) {
            throw ConnectFailure.trouble("endpoint reply is not JSON");
        }
        int code = number(reply, "code").orElse(-1);
        String msg = string(reply, "msg").orElse("");
        if (code == SYSTEM_BUSY || code == INTERNAL_ERROR) {
            throw ConnectFailure.trouble("endpoint busy: code " + code + " " + msg);
        }
        if (code != 0) {
            throw ConnectFailure.refused("endpoint refused app " + config.appId() + " (check app id and secret): code "
                    + code + " " + msg);
        }
        JsonObject data = reply.get("data") != null && reply.get("data").isJsonObject()
                ? reply.getAsJsonObject("data") : new JsonObject();
        URI url;
        try {
            url = URI.create(string(data, "URL").orElseThrow(() -> ConnectFailure.trouble("endpoint reply has no URL")));
        } catch (IllegalArgumentException e) {
            throw ConnectFailure.trouble("endpoint reply has an unusable URL");
        }
        if (!"wss".equals(url.getScheme()) && !"ws".equals(url.getScheme())) {
            throw ConnectFailure.trouble("endpoint reply URL is not a WebSocket URL");
        }
        int serviceId = serviceId(url).orElseThrow(() -> ConnectFailure.trouble("endpoint URL has no service_id"));
        JsonElement clientConfig = data.get("ClientConfig");
        return new Grant(url, serviceId, clientConfig != null && clientConfig.isJsonObject()
                ? clientConfig.getAsJsonObject() : null);
    }

    /** A refused upgrade: Lark says why in {@code handshake-*} headers. */
    static ConnectFailure handshakeFailure(WebSocketHandshakeException e) {
        HttpResponse<?> response = e.getResponse();
        var headers = response.headers();
        int status = headers.firstValue("handshake-status").flatMap(GatewayEndpoint::parseInt)
                .orElse(response.statusCode());
        int authError = headers.firstValue("handshake-autherrcode").flatMap(GatewayEndpoint::parseInt).orElse(0);
        String why = "handshake refused: status " + status + (authError == 0 ? "" : ", auth error " + authError)
                + headers.firstValue("handshake-msg").map(m -> ", " + m).orElse("");
        boolean refused = status == FORBIDDEN || status == AUTH_FAILED || authError == TOO_MANY_CONNECTIONS;
        return refused ? ConnectFailure.refused(why) : ConnectFailure.trouble(why);
    }

    private static Optional<Integer> serviceId(URI url) {
        String query = url.getRawQuery();
        if (query == null) {
            return Optional.empty();
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals("service_id")) {
                return parseInt(pair.substring(eq + 1));
            }
        }
        return Optional.empty();
    }

    private static Optional<Integer> parseInt(String s) {
        try {
            return Optional.of(Integer.parseInt(s.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Optional<Integer> number(JsonObject o, String name) {
        JsonElement e = o.get(name);
        return e != null && e.isJsonPrimitive() && e.getAsJsonPrimitive().isNumber()
                ? Optional.of(e.getAsInt()) : Optional.empty();
    }

    private static Optional<String> string(JsonObject o, String name) {
        JsonElement e = o.get(name);
        return e != null && e.isJsonPrimitive() ? Optional.of(e.getAsString()) : Optional.empty();
    }
}
