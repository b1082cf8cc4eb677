package dev.larkinbox.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The inbox's API, called from outside with its bearer token. */
final class InboxApi {
    static final String TOKEN = "app-test-api-token";

    /**
     * A service on a random port that reaches no Lark: nothing synced, recovery put off; /api/** takes {@link #TOKEN}.
     * Mutable, so that a test adds how its events are verified.
     */
    static Map<String, Object> offlineConfig(Path dataDir) {
        Map<String, Object> config = new HashMap<>();
        config.put("micronaut.server.port", -1);
        config.put("inbox.data-dir", dataDir.toString());
        config.put("inbox.api-token", TOKEN);
        config.put("inbox.sync-to-lark", false);
        config.put("inbox.recovery.initial-delay", "1h");
        return config;
    }

    private final URI base;

    InboxApi(URI base) {
        this.base = base;
    }

    HttpResponse<String> get(String pathAndQuery) {
        return Http.send(request(pathAndQuery).GET().build());
    }

    /** A JSON body with these headers (such as If-Match). */
    HttpResponse<String> patch(String path, String json, Map<String, String> headers) {
        HttpRequest.Builder request = request(path).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(json));
        headers.forEach(request::header);
        return Http.send(request.build());
    }

    HttpResponse<String> post(String pathAndQuery) {
        return Http.send(request(pathAndQuery).POST(HttpRequest.BodyPublishers.noBody()).build());
    }

    private HttpRequest.Builder request(String pathAndQuery) {
        return HttpRequest.newBuilder(URI.create(base + pathAndQuery)).timeout(Duration.ofSeconds(15))
                .header("Authorization", "Bearer " + TOKEN);
    }

    JsonObject json(String pathAndQuery) {
        HttpResponse<String> response = get(pathAndQuery);
        assertEquals(200, response.statusCode(), response.body());
        return JsonParser.parseString(response.body()).getAsJsonObject();
    }

    /** Every item of a listing, following its cursors page by page. */
    List<JsonObject> all(String path, String query) {
        List<JsonObject> items = new ArrayList<>();
        String cursor = null;
        do {
            JsonObject page = json(path + "?limit=200&" + query
                    + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8)));
            page.getAsJsonArray("items").forEach(e -> items.add(e.getAsJsonObject()));
            JsonElement next = page.get("next_cursor");
            cursor = next == null || next.isJsonNull() ? null : next.getAsString();
        } while (cursor != null);
        return items;
    }
}
