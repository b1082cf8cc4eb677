package dev.larkinbox.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.larkinbox.inbound.http.support.LarkWire;
import dev.larkinbox.inbound.lark.fixtures.LarkFixtures;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What an operator's Prometheus scrapes, after a known mix of events. The service is shared with other tests: what
 * the events did is read as the change of each count.
 */
@ExtendWith(SharedInbox.class)
class MetricsTest {
    private static final String ENCRYPT_KEY = WorkTheInboxTest.ENCRYPT_KEY;
    private static final String CREATED = "application.application.feedback.created_v6";

    @Test
    void afterAKnownMixOfEventsThePrometheusTextShowsTheirCounts() {
        URI uri = SharedInbox.inbox().uri();
        String run = WorkTheInboxTest.uid();
        String before = scrape();
        for (int i = 0; i < 3; i++) {
            assertEquals(200, post(uri, LarkWire.signed(LarkFixtures.feedback("ev-m-" + run + i, "fb-m-" + run + i),
                    ENCRYPT_KEY)));
        }
        assertEquals(200, post(uri, LarkWire.signed(LarkFixtures.feedback("ev-m-" + run + 0, "fb-m-" + run + 0),
                ENCRYPT_KEY)));
        assertEquals(200, post(uri, LarkWire.signed(withHeader("ev-m-other" + run, "event_type",
                "im.message.receive_v1"), ENCRYPT_KEY)));
        assertEquals(400, post(uri, LarkWire.signed(withHeader("ev-m-none" + run, "event_id", ""), ENCRYPT_KEY)));
        assertEquals(401, post(uri, LarkWire.plain(LarkFixtures.feedback("ev-m-forged" + run, "fb-m-forged"))));
        assertEquals(401, post(uri, LarkWire.encryptedUnsigned(LarkFixtures.feedback("ev-m-u" + run, "fb-m-u"),
                ENCRYPT_KEY)));

        String text = scrape();

        assertEquals(3.0, delta(before, text, "lark_events_total", "outcome=\"stored\"", "transport=\"webhook\"",
                "type=\"" + CREATED + "\""), text);
        assertEquals(1.0, delta(before, text, "lark_events_total", "outcome=\"duplicate\"",
                "transport=\"webhook\"", "type=\"" + CREATED + "\""), text);
        assertEquals(1.0, delta(before, text, "lark_events_total", "outcome=\"ignored\"", "type=\"other\""), text);
        assertEquals(1.0, delta(before, text, "lark_events_refused_total", "reason=\"unreadable\""), text);
        assertEquals(2.0, delta(before, text, "lark_events_refused_total", "reason=\"unverified\""), text);
        assertTrue(delta(before, text, "inbox_store_commit_batch_size_count") >= 4, text);
        assertTrue(delta(before, text, "inbox_store_commit_latency_seconds_count") >= 4, text);
        assertEquals(0.0, value(text, "inbox_store_queue_depth"), text);
        assertTrue(!text.contains("fb-m-") && !text.contains("ev-m-"), "no event content in the metrics");
    }

    @Test
    void theManagementEndpointsMoveToTheirOwnPortByConfiguration() {
        URI managementUri = SharedInbox.management();

        assertEquals(200, Http.get(managementUri.resolve("/prometheus")).statusCode());
        assertEquals(200, Http.get(managementUri.resolve("/health/readiness")).statusCode());
        assertTrue(Http.get(managementUri.resolve("/health")).body().contains("details"),
                "on its own port the health shows its details to whoever reaches it");
        assertEquals(200, Http.get(managementUri.resolve("/swagger/lark-app-inbox.yml")).statusCode());
        URI inbox = SharedInbox.inbox().uri();
        assertEquals(404, Http.get(inbox.resolve("/prometheus")).statusCode());
        assertEquals(404, new InboxApi(inbox).get("/prometheus").statusCode(), "not even with the token");
        assertEquals(404, new InboxApi(inbox).get("/swagger/lark-app-inbox.yml").statusCode());
    }

    private static String scrape() {
        HttpResponse<String> scrape = Http.get(SharedInbox.management().resolve("/prometheus"));
        assertEquals(200, scrape.statusCode());
        return scrape.body();
    }

    /** How much the sample grew from one scrape to the next; a sample not there yet counts 0. */
    private static double delta(String before, String after, String name, String... labels) {
        return value(after, name, labels) - (find(before, name, labels) == null ? 0 : value(before, name, labels));
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
        Double found = find(text, name, labels);
        assertTrue(found != null, "no sample " + name + " with " + String.join(",", labels) + " in\n" + text);
        return found;
    }

    private static Double find(String text, String name, String... labels) {
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
        return found;
    }
}
