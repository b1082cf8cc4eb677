package dev.larkinbox.inbound.http.inbox;

import static dev.larkinbox.inbound.http.support.LarkEvents.FAULT;
import static dev.larkinbox.inbound.http.support.LarkEvents.SUGGESTION;
import static dev.larkinbox.inbound.http.support.LarkEvents.uniqueId;
import static dev.larkinbox.inbound.http.support.ErrorAssertions.assertError;
import static dev.larkinbox.inbound.http.support.TestServer.ENCRYPT_KEY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.larkinbox.inbound.http.support.LarkEvents;
import dev.larkinbox.inbound.http.support.LarkWire;
import dev.larkinbox.inbound.http.support.TestServer;
import dev.larkinbox.inbound.http.support.TestServer.Reply;
import dev.larkinbox.inbound.lark.fixtures.LarkFixtures;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The inbox read API, fed through the webhook as Lark feeds it. Each test works on its own app id. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ReadApiTest {
    @RegisterExtension
    static final TestServer server = TestServer.secured();

    @Test
    void the_feedback_fixture_is_triaged_p1_stability_and_read_back_with_every_field() {
        Reply delivered = server.webhook(LarkWire.signed(LarkFixtures.text(LarkFixtures.FEEDBACK_CREATED), ENCRYPT_KEY));
        assertEquals(200, delivered.status(), delivered.body());

        JsonObject item = server.get("/api/feedback/7057888018203574291").json();

        assertEquals("7057888018203574291", item.get("feedback_id").getAsString());
        assertEquals("5e3702a84e847582be8db7fb73283c02", item.get("event_id").getAsString());
        assertEquals("cli_9b445f5258795107", item.get("app_id").getAsString());
        assertEquals("2ca1d211f64f6438", item.get("tenant_key").getAsString());
        assertEquals("字节跳动", item.get("tenant_name").getAsString());
        assertEquals("fault", item.get("feedback_type").getAsString());
        assertEquals(strings("black_screen", "white_screen", "cannot_open"), item.getAsJsonArray("fault_types"));
        assertEquals("mini_program", item.get("source").getAsString());
        assertEquals("2022-01-30 11:30:12", item.get("feedback_time").getAsString());
        assertEquals("2022-01-30 11:30:12", item.get("fault_time").getAsString());
        assertEquals("反馈的详细信息", item.get("description").getAsString());
        assertEquals("wang@bytedance.com", item.get("contact").getAsString());
        assertEquals(strings("https://p6-lark-openplatform-image-sign.byteimg.com/*"), item.getAsJsonArray("images"));
        assertEquals("page/index", item.get("feedback_path").getAsString());
        JsonObject user = item.getAsJsonObject("user");
        assertEquals("ou_84aad35d084aa403a838cf73ee18467", user.get("open_id").getAsString());
        assertEquals("on_8ed6aa67826108097d9ee143816345", user.get("union_id").getAsString());
        assertEquals("e33ggbyz", user.get("user_id").getAsString());
        assertEquals("P1", item.get("priority").getAsString());
        assertEquals("stability", item.get("category").getAsString());
        assertEquals(3, item.getAsJsonArray("reasons").size());
        assertEquals("new", item.get("status").getAsString());
        assertTrue(Instant.parse(item.get("received_at").getAsString()).isAfter(Instant.parse("2024-01-01T00:00:00Z")));
        assertEquals(item, server.get("/api/feedback?app_id=cli_9b445f5258795107&priority=P1").items().stream()
                .filter(i -> i.get("feedback_id").getAsString().equals("7057888018203574291")).findFirst().orElseThrow());
    }

    @Test
    void absent_values_are_null_and_empty_lists_are_empty_not_left_out() {
        String appId = uniqueId("cli_");
        String feedbackId = uniqueId("fb_");
        JsonObject payload = LarkFixtures.json(LarkFixtures.FEEDBACK_CREATED);
        payload.getAsJsonObject("header").addProperty("event_id", uniqueId("ev_"));
        JsonObject event = new JsonObject();
        event.addProperty("feedback_id", feedbackId);
        event.addProperty("app_id", appId);
        event.addProperty("feedback_type", SUGGESTION);
        payload.add("event", event);
        assertEquals(200, server.webhook(LarkWire.signed(payload.toString(), ENCRYPT_KEY)).status());

        JsonObject item = server.get("/api/feedback/" + feedbackId).json();

        for (String field : List.of("tenant_name", "source", "feedback_time", "fault_time", "description", "contact",
                "feedback_path")) {
            assertTrue(item.has(field) && item.get(field).isJsonNull(), field);
        }
        assertEquals(new JsonArray(), item.getAsJsonArray("fault_types"));
        assertEquals(new JsonArray(), item.getAsJsonArray("images"));
        assertTrue(item.getAsJsonObject("user").get("open_id").isJsonNull());
        assertEquals("P4", item.get("priority").getAsString());
    }

    @Test
    void feedback_is_filtered_by_app_priority_type_and_status() {
        String appId = uniqueId("cli_");
        String crash = deliverFeedback(appId, FAULT, 5);
        String lag = deliverFeedback(appId, FAULT, 4);
        String suggestion = deliverFeedback(appId, SUGGESTION);
        deliverFeedback(uniqueId("cli_"), FAULT, 5);

        assertEquals(Set.of(crash, lag, suggestion), feedbackIds("/api/feedback?app_id=" + appId));
        assertEquals(Set.of(crash), feedbackIds("/api/feedback?app_id=" + appId + "&priority=P1"));
        assertEquals(Set.of(lag), feedbackIds("/api/feedback?app_id=" + appId + "&priority=P2"));
        assertEquals(Set.of(suggestion), feedbackIds("/api/feedback?app_id=" + appId + "&feedback_type=suggestion"));
        assertEquals(Set.of(crash, lag), feedbackIds("/api/feedback?app_id=" + appId + "&feedback_type=fault"));
        assertEquals(Set.of(crash, lag, suggestion), feedbackIds("/api/feedback?app_id=" + appId + "&status=new"));
        assertEquals(Set.of(), feedbackIds("/api/feedback?app_id=" + appId + "&status=closed"));
    }

    @Test
    void statuses_and_priorities_may_be_several_open_names_three_and_the_list_sorts_by_priority() {
        String appId = uniqueId("cli_");
        String crash = deliverFeedback(appId, FAULT, 5);
        String lag = deliverFeedback(appId, FAULT, 4);
        String suggestion = deliverFeedback(appId, SUGGESTION);
        String crashAgain = deliverFeedback(appId, FAULT, 5);
        work(lag, "{\"status\":\"acknowledged\"}");
        work(crashAgain, "{\"status\":\"acknowledged\"}");
        work(crashAgain, "{\"status\":\"in_progress\"}");
        work(crashAgain, "{\"status\":\"closed\"}");

        String app = "/api/feedback?app_id=" + appId;
        assertEquals(Set.of(crash, lag, suggestion), feedbackIds(app + "&status=open"));
        assertEquals(Set.of(crash, lag), feedbackIds(app + "&status=new&status=acknowledged&priority=P1&priority=P2"));
        assertEquals(Set.of(crash, crashAgain, suggestion),
                feedbackIds(app + "&status=closed&priority=P4&status=new&priority=P1"));
        assertEquals(List.of(crashAgain, crash, lag, suggestion), allIds(app + "&sort=priority"));
        assertEquals(List.of(crashAgain, suggestion, lag, crash), allIds(app + "&sort=newest"));
        assertError(server.get(app + "&sort=oldest"), 400, "invalid-query");
    }

    @Test
    void q_finds_the_descriptions_containing_the_text_chinese_included() {
        String appId = uniqueId("cli_");
        String white = deliverDescribed(appId, "打开小程序后白屏，无法使用");
        String upload = deliverDescribed(appId, "The Upload button freezes");
        deliverDescribed(appId, "please add a dark mode");

        String app = "/api/feedback?app_id=" + appId + "&q=";
        assertEquals(Set.of(white), feedbackIds(app + URLEncoder.encode("白屏", StandardCharsets.UTF_8)));
        assertEquals(Set.of(white), feedbackIds(app + URLEncoder.encode("屏", StandardCharsets.UTF_8)));
        assertEquals(Set.of(upload), feedbackIds(app + "upload"));
        assertEquals(Set.of(), feedbackIds(app + "crash"));
        assertError(server.get(app + "x".repeat(201)), 400, "invalid-query");
    }

    @Test
    void an_unknown_query_parameter_is_refused_instead_of_ignored() {
        JsonObject problem = assertError(server.get("/api/feedback?staus=new"), 400, "invalid-query");
        assertTrue(problem.get("detail").getAsString().contains("staus"), problem.toString());
        assertError(server.get("/api/feedback/" + deliverFeedback(uniqueId("cli_"), FAULT, 5) + "/history?page=2"),
                400, "invalid-query");
    }

    @Test
    void paging_with_the_cursor_visits_every_item_once_newest_first() {
        String appId = uniqueId("cli_");
        Set<String> delivered = new HashSet<>();
        for (int i = 0; i < 55; i++) {
            delivered.add(deliverFeedback(appId, FAULT, 5));
        }

        Reply first = server.get("/api/feedback?app_id=" + appId);
        assertEquals(50, first.items().size(), "default limit");
        assertNotNull(first.nextCursor());

        List<JsonObject> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Reply page = server.get("/api/feedback?app_id=" + appId + "&limit=7"
                    + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8)));
            assertEquals(200, page.status(), page.body());
            seen.addAll(page.items());
            cursor = page.nextCursor();
            pages++;
        } while (cursor != null && pages < 20);

        assertEquals(8, pages);
        assertEquals(55, seen.size());
        assertEquals(delivered, new HashSet<>(seen.stream().map(i -> i.get("feedback_id").getAsString()).toList()));
        for (int i = 1; i < seen.size(); i++) {
            Instant newer = Instant.parse(seen.get(i - 1).get("received_at").getAsString());
            Instant older = Instant.parse(seen.get(i).get("received_at").getAsString());
            assertFalse(older.isAfter(newer), "newest first");
        }
    }

    @Test
    void the_last_page_says_next_cursor_null() {
        String appId = uniqueId("cli_");
        deliverFeedback(appId, FAULT, 5);

        JsonObject page = server.get("/api/feedback?app_id=" + appId + "&limit=200").json();

        assertTrue(page.has("next_cursor") && page.get("next_cursor").isJsonNull(), page.toString());
        assertEquals(1, page.getAsJsonArray("items").size());
    }

    @Test
    void a_limit_outside_1_to_200_or_not_a_number_is_refused() {
        for (String limit : List.of("0", "-1", "201", "abc", "1.5")) {
            assertError(server.get("/api/feedback?limit=" + limit), 400, "invalid-query");
            assertError(server.get("/api/revocations?limit=" + limit), 400, "invalid-query");
        }
    }

    @Test
    void a_cursor_the_listing_did_not_give_out_is_refused() {
        String appId = uniqueId("cli_");
        deliverRevocation(appId, uniqueId("oav_"));
        deliverRevocation(appId, uniqueId("oav_"));
        String revocationCursor = server.get("/api/revocations?app_id=" + appId + "&limit=1").nextCursor();
        assertNotNull(revocationCursor);

        assertError(server.get("/api/feedback?cursor=not-a-cursor"), 400, "invalid-query");
        assertError(server.get("/api/feedback?cursor=" + revocationCursor), 400, "invalid-query");
        assertError(server.get("/api/revocations?cursor=bm9wZQ"), 400, "invalid-query");
    }

    @Test
    void an_unknown_filter_value_is_refused() {
        assertError(server.get("/api/feedback?status=done"), 400, "invalid-query");
        assertError(server.get("/api/feedback?priority=P9"), 400, "invalid-query");
        assertError(server.get("/api/feedback?feedback_type=complaint"), 400, "invalid-query");
    }

    @Test
    void an_unknown_feedback_id_is_not_found() {
        assertError(server.get("/api/feedback/" + uniqueId("fb_")), 404, "not-found");
    }

    @Test
    void the_api_needs_the_bearer_token() {
        assertError(server.get("/api/feedback", null), 401, "wrong-api-token");
        assertError(server.get("/api/feedback", "Bearer wrong-token"), 401, "wrong-api-token");
        assertError(server.get("/api/feedback", "Basic " + TestServer.API_TOKEN), 401, "wrong-api-token");
        assertError(server.get("/api/revocations", "Bearer "), 401, "wrong-api-token");
        Reply unknownPath = server.get("/api/not-a-listing", null);
        assertError(unknownPath, 401, "wrong-api-token");
        assertEquals("Bearer", unknownPath.headers().firstValue("WWW-Authenticate").orElse(""));
        assertEquals(200, server.get("/api/feedback", "bearer " + TestServer.API_TOKEN).status());
    }

    @Test
    void revocations_are_filtered_by_app_and_version_and_paged() {
        String appId = uniqueId("cli_");
        String firstVersion = uniqueId("oav_");
        String secondVersion = uniqueId("oav_");
        String thirdVersion = uniqueId("oav_");
        deliverRevocation(appId, firstVersion);
        deliverRevocation(appId, secondVersion);
        deliverRevocation(appId, thirdVersion);
        deliverRevocation(uniqueId("cli_"), uniqueId("oav_"));

        Reply firstPage = server.get("/api/revocations?app_id=" + appId + "&limit=2");
        Reply secondPage = server.get("/api/revocations?app_id=" + appId + "&limit=2&cursor="
                + URLEncoder.encode(firstPage.nextCursor(), StandardCharsets.UTF_8));

        assertEquals(List.of(thirdVersion, secondVersion), versions(firstPage));
        assertEquals(List.of(firstVersion), versions(secondPage));
        assertNull(secondPage.nextCursor());
        assertEquals(List.of(secondVersion),
                versions(server.get("/api/revocations?app_id=" + appId + "&version_id=" + secondVersion)));
    }

    private static String deliverFeedback(String appId, int feedbackType, int... faultTypes) {
        String feedbackId = uniqueId("fb_");
        Reply reply = server.webhook(LarkWire.signed(
                LarkEvents.feedback(uniqueId("ev_"), feedbackId, appId, feedbackType, faultTypes), ENCRYPT_KEY));
        assertEquals(200, reply.status(), reply.body());
        return feedbackId;
    }

    private static String deliverDescribed(String appId, String description) {
        String feedbackId = uniqueId("fb_");
        String json = LarkEvents.withDescription(LarkEvents.feedback(uniqueId("ev_"), feedbackId, appId,
                SUGGESTION), description);
        Reply reply = server.webhook(LarkWire.signed(json, ENCRYPT_KEY));
        assertEquals(200, reply.status(), reply.body());
        return feedbackId;
    }

    private static void work(String feedbackId, String json) {
        Reply reply = server.patch("/api/feedback/" + feedbackId, json, java.util.Map.of());
        assertEquals(200, reply.status(), reply.body());
    }

    /** Every feedback id of the listing, page after page, in the order given. */
    private static List<String> allIds(String pathAndQuery) {
        List<String> ids = new ArrayList<>();
        String cursor = null;
        do {
            Reply reply = server.get(pathAndQuery + "&limit=1" + (cursor == null ? ""
                    : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8)));
            assertEquals(200, reply.status(), reply.body());
            reply.items().forEach(i -> ids.add(i.get("feedback_id").getAsString()));
            JsonObject page = reply.json();
            cursor = page.get("next_cursor").isJsonNull() ? null : page.get("next_cursor").getAsString();
        } while (cursor != null);
        return ids;
    }

    private static void deliverRevocation(String appId, String versionId) {
        Reply reply = server.webhook(LarkWire.signed(LarkEvents.revocation(uniqueId("ev_"), appId, versionId), ENCRYPT_KEY));
        assertEquals(200, reply.status(), reply.body());
    }

    private static Set<String> feedbackIds(String pathAndQuery) {
        Reply reply = server.get(pathAndQuery);
        assertEquals(200, reply.status(), reply.body());
        return new HashSet<>(reply.items().stream().map(i -> i.get("feedback_id").getAsString()).toList());
    }

    private static List<String> versions(Reply reply) {
        assertEquals(200, reply.status(), reply.body());
        return reply.items().stream().map(i -> i.get("version_id").getAsString()).toList();
    }

    private static JsonArray strings(String... values) {
        JsonArray array = new JsonArray();
        for (String value : values) {
            array.add(value);
        }
        return array;
    }
}
