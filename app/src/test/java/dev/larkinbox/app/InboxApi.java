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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The inbox's read API, called from outside with its bearer token. */
final class InboxApi {
    static final String TOKEN = "app-test-api-token";

    private final URI base;

    InboxApi(URI base) {
        this.base = base;
    }

    HttpResponse<String> get(String pathAndQuery) {
        return Http.send(HttpRequest.newBuilder(URI.create(base + pathAndQuery)).timeout(Duration.ofSeconds(15))
                .header("Authorization", "Bearer " + TOKEN).GET().build());
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
