package dev.larkinbox.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.larkinbox.inbound.http.support.LarkWire;
import dev.larkinbox.inbound.lark.fixtures.LarkFixtures;
import dev.larkinbox.outbound.lark.standin.LarkStandIn;
import dev.larkinbox.outbound.lark.standin.LarkStandIn.Patch;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/**
 * The inbox worked from outside, over HTTP, with the stand-in Lark open API behind it: the "done when".
 * Lark's side is the stand-in; our side is the whole service on its embedded PostgreSQL.
 */
@ExtendWith(SharedInbox.class)
class WorkTheInboxTest {
    static final String APP = "cli_e2e_work_app";
    static final String SECRET = "e2e-app-secret";
    static final String ENCRYPT_KEY = "e2e-encrypt-key";
    static final String TOKEN = "rvaYgkND1GOiu5MM0E1rncYC6PLtF7JV"; // the fixtures' verification token
    static final ZoneId LARK_ZONE = ZoneId.of("Asia/Shanghai");
    private static final Duration WAIT = Duration.ofSeconds(30);

    private static LarkStandIn lark;
    private static RunningInbox inbox;
    private static InboxApi api;

    @BeforeAll
    static void start() {
        lark = SharedInbox.lark();
        inbox = SharedInbox.inbox();
        api = new InboxApi(inbox.uri());
    }

    /** The service as an operator would run it against Lark, with short delays so that a test need not wait. */
    static Map<String, Object> config(Path dataDir, LarkStandIn lark) {
        Map<String, Object> config = new HashMap<>();
        config.put("micronaut.server.port", -1);
        config.put("inbox.data-dir", dataDir.toString());
        config.put("inbox.api-token", InboxApi.TOKEN);
        config.put("lark.encrypt-key", ENCRYPT_KEY);
        config.put("lark.verification-token", TOKEN);
        config.put("lark.app-id", APP);
        config.put("lark.app-secret", SECRET);
        config.put("lark.domain", lark.baseUrl());
        config.put("inbox.sync.poll-interval", "100ms");
        config.put("inbox.notify.poll-interval", "100ms");
        config.put("inbox.sync.backoff.first", "100ms");
        config.put("inbox.sync.backoff.max", "500ms");
        config.put("inbox.recovery.initial-delay", "1h"); // asked for by POST /api/recovery here
        return config;
    }

    @Test
    void aFeedbackWorkedFromNewToResolvedShowsItsWholeHistoryAndLarkGotTheMappedStatusesInOrder() {
        String feedbackId = arrives();
        String etag = api.get("/api/feedback/" + feedbackId).headers().firstValue("ETag").orElseThrow();

        etag = patch(feedbackId, "{\"status\":\"acknowledged\",\"assignee\":\"alice\",\"note\":\"looking\"}", etag);
        etag = patch(feedbackId, "{\"status\":\"in_progress\"}", etag);
        patch(feedbackId, "{\"status\":\"resolved\",\"note\":\"fixed in 2.1\"}", etag);

        JsonObject item = api.json("/api/feedback/" + feedbackId);
        assertEquals("resolved", item.get("status").getAsString());
        assertEquals("alice", item.get("assignee").getAsString());
        List<JsonObject> history = items("/api/feedback/" + feedbackId + "/history");
        assertEquals(List.of("new>acknowledged", "acknowledged>in_progress", "in_progress>resolved"),
                history.stream().map(h -> h.get("from").getAsString() + ">" + h.get("to").getAsString()).toList());
        assertEquals(List.of("api-token", "api-token", "api-token"),
                history.stream().map(h -> h.get("actor").getAsString()).toList(), "the API token's holder");
        assertEquals("fixed in 2.1", history.get(2).get("note").getAsString());
        LarkStandIn.await("Lark has the three statuses", WAIT, () -> patchesOf(feedbackId).size() == 3);
        assertEquals(List.of(1, 2, 3), patchesOf(feedbackId));
        assertEquals(List.of(feedbackId), api.all("/api/feedback", "assignee=alice&status=resolved").stream()
                .map(i -> i.get("feedback_id").getAsString()).toList());
    }

    @Test
    void aMoveTheWorkflowDoesNotAllowIs409AndAStaleIfMatchIs412() {
        String feedbackId = arrives();
        assertEquals(200, patchAs(feedbackId, "{\"status\":\"closed\"}", null).statusCode());

        HttpResponse<String> skipping = patchAs(feedbackId, "{\"status\":\"in_progress\"}", null);
        HttpResponse<String> stale = patchAs(feedbackId, "{\"assignee\":\"bob\"}", "\"7\"");

        assertEquals(409, skipping.statusCode(), skipping.body());
        assertEquals("application/problem+json", skipping.headers().firstValue("Content-Type").orElse(""));
        assertEquals(412, stale.statusCode(), stale.body());
        assertEquals(1, items("/api/feedback/" + feedbackId + "/history").size());
    }

    @Test
    void aStatusSetInLarksConsoleIsTakenByLarkAndNotEchoedBack() {
        String fromConsole = arrives();
        String barrier = arrives();

        assertEquals(200, webhook(LarkFixtures.statusUpdate(uid(), 2, fromConsole)).statusCode());
        // a change of ours after Lark's: once Lark has it, any echo queued before it would have gone out first
        patch(barrier, "{\"status\":\"acknowledged\"}", null);
        LarkStandIn.await("Lark has the later change", WAIT, () -> patchesOf(barrier).size() == 1);

        assertEquals("in_progress", api.json("/api/feedback/" + fromConsole).get("status").getAsString());
        JsonObject change = items("/api/feedback/" + fromConsole + "/history").get(0);
        assertEquals("ou_84aad35d084aa403a838cf73ee18467", change.get("actor").getAsString());
        assertEquals("lark", change.get("actor_kind").getAsString());
        assertEquals(List.of(), patchesOf(fromConsole), "nothing sent back to Lark");
    }

    @Test
    void recoveryAddsExactlyTheFeedbackThatNeverArrivedAndTwiceInARowAddsNothingMore() {
        List<String> known = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            known.add(uid());
            lark.addFeedback(APP, known.get(i), LocalDateTime.now(LARK_ZONE).minusHours(i * 7L));
        }
        for (String arrived : List.of(known.get(0), known.get(3))) {
            assertEquals(200, webhook(feedbackEvent(arrived)).statusCode());
        }

        JsonObject first = json(api.post("/api/recovery"));
        JsonObject second = json(api.post("/api/recovery"));

        Set<String> missing = Set.of(known.get(1), known.get(2), known.get(4));
        assertEquals(missing, strings(first.getAsJsonArray("recovered")));
        assertEquals(Set.of(), strings(second.getAsJsonArray("recovered")));
        assertTrue(first.get("listed").getAsInt() >= 5);
        for (String id : known) {
            JsonObject item = api.json("/api/feedback/" + id);
            assertEquals(missing.contains(id) ? "recovered:" + id : "ev_" + id, item.get("event_id").getAsString());
        }
    }

    @Test
    void theOpenApiDocumentDescribesTheApiToOperators() {
        // on the operators' port here; without one it needs the API token (WebSecurityTest)
        HttpResponse<String> document = Http.get(SharedInbox.management().resolve("/swagger/lark-app-inbox.yml"));

        assertEquals(200, document.statusCode());
        assertTrue(document.body().contains("/api/feedback/{feedback_id}/history"), document.body());
    }

    // --- helpers -------------------------------------------------------------------------------------------

    /** A feedback Lark knows about, delivered by webhook as Lark does; its id. */
    @Test
    @ExtendWith(ChromiumAvailable.class)
    void aPersonResolvesThreeTickedRowsThenAllMatchingAFilterInBulkEachInItsHistoryAndSentToLark() {
        String batch = uid();
        List<String> ticked = List.of(arrives("白屏 " + batch + " 一", "pages/a"),
                arrives("白屏 " + batch + " 二", "pages/a"), arrives("白屏 " + batch + " 三", "pages/a"));
        String left = arrives("白屏 " + batch + " 四", "pages/a");
        String other = uid();
        List<String> matching = List.of(arrives("卡顿 " + other + " 1", "pages/b"),
                arrives("卡顿 " + other + " 2", "pages/b"), arrives("卡顿 " + other + " 3", "pages/b"),
                arrives("卡顿 " + other + " 4", "pages/b"));
        try (Browser browser = new Browser(inbox.uri().toString())) {
            signIn(browser);
            browser.open("/?q=" + batch);
            browser.awaitRows("Feedback", 4);
            for (String n : List.of("一", "二", "三")) {
                browser.one(By.cssSelector("input[aria-label='Select “白屏 " + batch + " " + n + "”']")).click();
            }
            browser.choose("New status", "resolved");
            browser.type("Bulk note", "fixed in 2.1");
            browser.press("Change selected");
            browser.awaitHeading("Change in bulk");
            browser.awaitText(By.tagName("main"), "This will change 3 feedback.");
            browser.press("Change 3 feedback");
            browser.awaitText(By.cssSelector("[role=status]"), "Changed 3 feedback.");

            browser.open("/?status=new&q=" + other);
            browser.awaitRows("Feedback", 4);
            browser.choose("New status", "resolved");
            browser.press("Change all 4 matching this filter");
            browser.awaitText(By.tagName("main"), "This will change 4 feedback.");
            browser.press("Change 4 feedback");
            browser.awaitText(By.cssSelector("[role=status]"), "Changed 4 feedback.");
            browser.assertNoConsoleErrors();
        }
        List<String> resolved = new ArrayList<>(ticked);
        resolved.addAll(matching);
        for (String id : resolved) {
            assertEquals("resolved", api.json("/api/feedback/" + id).get("status").getAsString());
            List<JsonObject> history = items("/api/feedback/" + id + "/history");
            assertEquals(List.of("new>resolved"), history.stream()
                    .map(h -> h.get("from").getAsString() + ">" + h.get("to").getAsString()).toList());
            assertEquals("api-token", history.get(0).get("actor").getAsString(), "the token's holder");
            assertEquals("carol", history.get(0).get("actor_name").getAsString(), "by the name she signed in under");
            LarkStandIn.await("Lark has " + id + " closed", WAIT, () -> patchesOf(id).equals(List.of(3)));
        }
        assertEquals("new", api.json("/api/feedback/" + left).get("status").getAsString());
    }

    @Test
    @ExtendWith(ChromiumAvailable.class)
    void aProblemOfNewReportsIsResolvedInOneMoveOnItsPage() {
        String path = "pages/bulk/" + uid();
        List<String> reports = List.of(arrives("购物车页面加载很慢，一直在转圈", path),
                arrives("购物车页面加载很慢，要等很久", path));
        String problem = Awaitility.await("grouped").atMost(Duration.ofSeconds(60))
                .until(() -> api.json("/api/feedback/" + reports.get(1)).get("problem_id"),
                        id -> !id.isJsonNull() && api.json("/api/feedback/" + reports.get(0)).get("problem_id")
                                .equals(id)).getAsString();
        try (Browser browser = new Browser(inbox.uri().toString())) {
            signIn(browser);
            browser.open("/problems/" + problem);
            browser.choose("Move its feedback to", "resolved");
            browser.press("Move");
            browser.awaitText(By.cssSelector("[role=status]"), "Moved 2 feedback to resolved.");
        }
        for (String id : reports) {
            List<JsonObject> history = items("/api/feedback/" + id + "/history");
            assertEquals(List.of("new>resolved"), history.stream()
                    .map(h -> h.get("from").getAsString() + ">" + h.get("to").getAsString()).toList());
            LarkStandIn.await("Lark has " + id + " closed", WAIT, () -> patchesOf(id).equals(List.of(3)));
        }
    }

    /** Signs in with the token form, as carol. */
    static void signIn(Browser browser) {
        browser.signInWithToken("/sign-in", "carol");
    }

    /** A fault report of the app, known to Lark's stand-in (which takes statuses of such only), with this text. */
    private static String arrives(String description, String path) {
        String feedbackId = uid();
        lark.addFeedback(APP, feedbackId, LocalDateTime.now(LARK_ZONE));
        JsonObject event = JsonParser.parseString(feedbackEvent(feedbackId)).getAsJsonObject();
        event.getAsJsonObject("event").addProperty("description", description);
        event.getAsJsonObject("event").addProperty("feedback_path", path);
        assertEquals(200, webhook(event.toString()).statusCode());
        return feedbackId;
    }

    private static String arrives() {
        String feedbackId = uid();
        lark.addFeedback(APP, feedbackId, LocalDateTime.now(LARK_ZONE));
        assertEquals(200, webhook(feedbackEvent(feedbackId)).statusCode());
        return feedbackId;
    }

    /** The seed feedback event about the app, event id {@code ev_<feedback id>}. */
    private static String feedbackEvent(String feedbackId) {
        JsonObject event = JsonParser.parseString(LarkFixtures.feedback("ev_" + feedbackId, feedbackId))
                .getAsJsonObject();
        event.getAsJsonObject("event").addProperty("app_id", APP);
        return event.toString();
    }

    private static List<Integer> patchesOf(String feedbackId) {
        return lark.patches().stream().filter(p -> p.feedbackId().equals(feedbackId)).map(Patch::status).toList();
    }

    private static HttpResponse<String> webhook(String event) {
        LarkWire.Request request = LarkWire.signed(event, ENCRYPT_KEY);
        HttpRequest.Builder builder = HttpRequest.newBuilder(inbox.uri().resolve("/webhook/event"))
                .timeout(Duration.ofSeconds(15)).POST(HttpRequest.BodyPublishers.ofByteArray(request.body()));
        request.headers().forEach(builder::header);
        return Http.send(builder.build());
    }

    /** With the API token and, when given, with If-Match; asserts 200 and returns the new ETag. */
    private static String patch(String feedbackId, String json, String ifMatch) {
        HttpResponse<String> response = patchAs(feedbackId, json, ifMatch);
        assertEquals(200, response.statusCode(), response.body());
        return response.headers().firstValue("ETag").orElseThrow();
    }

    private static HttpResponse<String> patchAs(String feedbackId, String json, String ifMatch) {
        Map<String, String> headers = new HashMap<>();
        if (ifMatch != null) {
            headers.put("If-Match", ifMatch);
        }
        return api.patch("/api/feedback/" + feedbackId, json, headers);
    }

    private static JsonObject json(HttpResponse<String> response) {
        assertEquals(200, response.statusCode(), response.body());
        return JsonParser.parseString(response.body()).getAsJsonObject();
    }

    private static List<JsonObject> items(String path) {
        List<JsonObject> items = new ArrayList<>();
        api.json(path).getAsJsonArray("items").forEach(e -> items.add(e.getAsJsonObject()));
        return items;
    }

    private static Set<String> strings(Iterable<JsonElement> array) {
        Set<String> values = new HashSet<>();
        array.forEach(e -> values.add(e.getAsString()));
        return values;
    }

    static String uid() {
        return UUID.randomUUID().toString().replace("-", "");
    }
}
