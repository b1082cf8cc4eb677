package dev.larkinbox.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.larkinbox.inbound.http.support.LarkWire;
import dev.larkinbox.inbound.lark.fixtures.LarkFixtures;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** What an operator's Prometheus scrapes, after a known mix of events. */
class MetricsTest {
    private static final String ENCRYPT_KEY = "metrics-encrypt-key";
    private static final String TOKEN = "rvaYgkND1GOiu5MM0E1rncYC6PLtF7JV"; // the fixtures' token
    private static final String CREATED = "application.application.feedback.created_v6";

    @Test
    void afterAKnownMixOfEventsThePrometheusTextShowsTheirCounts() {
        try (RestartablePostgres postgres = RestartablePostgres.start();
             RunningInbox inbox = RunningInbox.start(config(postgres, Map.of()))) {
            URI uri = inbox.uri();
            for (int i = 0; i < 3; i++) {
                assertEquals(200, post(uri, LarkWire.signed(LarkFixtures.feedback("ev-m-" + i, "fb-m-" + i), ENCRYPT_KEY)));
            }
            assertEquals(200, post(uri, LarkWire.signed(LarkFixtures.feedback("ev-m-0", "fb-m-0"), ENCRYPT_KEY)));
            assertEquals(200, post(uri, LarkWire.signed(withHeader("ev-m-other", "event_type", "im.message.receive_v1"),
                    ENCRYPT_KEY)));
            assertEquals(400, post(uri, LarkWire.signed(withHeader("ev-m-none", "event_id", ""), ENCRYPT_KEY)));
            assertEquals(401, post(uri, LarkWire.plain(LarkFixtures.feedback("ev-m-forged", "fb-m-forged"))));
            assertEquals(401, post(uri, LarkWire.encryptedUnsigned(LarkFixtures.feedback("ev-m-u", "fb-m-u"), ENCRYPT_KEY)));

            HttpResponse<String> scrape = new InboxApi(uri).get("/prometheus");

            assertEquals(401, Http.get(uri.resolve("/prometheus")).statusCode(), "the metrics need the API token");
            assertEquals(200, scrape.statusCode());
            String text = scrape.body();
            assertEquals(3.0, value(text, "lark_events_total", "outcome=\"stored\"", "transport=\"webhook\"",
                    "type=\"" + CREATED + "\""), text);
            assertEquals(1.0, value(text, "lark_events_total", "outcome=\"duplicate\"", "transport=\"webhook\"",
                    "type=\"" + CREATED + "\""), text);
            assertEquals(1.0, value(text, "lark_events_total", "outcome=\"ignored\"", "type=\"other\""), text);
            assertEquals(1.0, value(text, "lark_events_refused_total", "reason=\"unreadable\""), text);
            assertEquals(2.0, value(text, "lark_events_refused_total", "reason=\"unverified\""), text);
            assertTrue(value(text, "inbox_store_commit_batch_size_count") >= 4, text);
            assertTrue(value(text, "inbox_store_commit_latency_seconds_count") >= 4, text);
            assertEquals(0.0, value(text, "inbox_store_queue_depth"), text);
            assertTrue(!text.contains("fb-m-") && !text.contains("ev-m-"), "no event content in the metrics");
        }
    }

    @Test
    void theManagementEndpointsMoveToTheirOwnPortByConfiguration() throws IOException {
        int management;
        try (ServerSocket socket = new ServerSocket(0)) {
            management = socket.getLocalPort();
        }
        try (RestartablePostgres postgres = RestartablePostgres.start();
             RunningInbox inbox = RunningInbox.start(config(postgres, Map.of("endpoints.all.port", management)))) {
            URI managementUri = URI.create("http://127.0.0.1:" + management);

            assertEquals(200, Http.get(managementUri.resolve("/prometheus")).statusCode());
            assertEquals(200, Http.get(managementUri.resolve("/health/readiness")).statusCode());
            assertTrue(Http.get(managementUri.resolve("/health")).body().contains("details"),
                    "on its own port the health shows its details to whoever reaches it");
            assertEquals(200, Http.get(managementUri.resolve("/swagger/lark-app-inbox.yml")).statusCode());
            assertEquals(404, Http.get(inbox.uri().resolve("/prometheus")).statusCode());
            assertEquals(404, new InboxApi(inbox.uri()).get("/prometheus").statusCode(), "not even with the token");
            assertEquals(404, new InboxApi(inbox.uri()).get("/swagger/lark-app-inbox.yml").statusCode());
        }
    }

    private static Map<String, Object> config(RestartablePostgres postgres, Map<String, Object> more) {
        Map<String, Object> config = new HashMap<>(postgres.datasource());
        config.putAll(Map.of("micronaut.server.port", -1, "lark.encrypt-key", ENCRYPT_KEY,
                "lark.verification-token", TOKEN, "inbox.api-token", InboxApi.TOKEN));
        config.putAll(more);
        return config;
    }

    private static String withHeader(String eventId, String field, String value) {
        JsonObject event = JsonParser.parseString(LarkFixtures.feedback(eventId, "fb-" + eventId)).getAsJsonObject();
        event.getAsJsonObject("header").addProperty(field, value);
        return event.toString();
    }

    private static int post(URI uri, LarkWire.Request request) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri.resolve("/webhook/event"))
                .timeout(Duration.ofSeconds(15)).POST(HttpRequest.BodyPublishers.ofByteArray(request.body()));
        request.headers().forEach(builder::header);
        return Http.send(builder.build()).statusCode();
    }

    /** The value of the one sample of that name carrying all those labels. */
    private static double value(String text, String name, String... labels) {
        Double found = null;
        Matcher m = Pattern.compile("(?m)^" + name + "(\\{[^}]*})? (\\S+)$").matcher(text);
        while (m.find()) {
            String tags = m.group(1) == null ? "" : m.group(1);
            boolean all = true;
            for (String label : labels) {
                all &= tags.contains(label);
            }
            if (all) {
                assertEquals(null, found, "one sample of " + name + " with " + String.join(",", labels));
                found = Double.parseDouble(m.group(2));
            }
        }
        assertTrue(found != null, "no sample " + name + " with " + String.join(",", labels) + " in\n" + text);
        return found;
    }
}
