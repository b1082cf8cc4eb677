package dev.larkinbox.app;

import static dev.larkinbox.app.WorkTheInboxTest.APP;
import static dev.larkinbox.app.WorkTheInboxTest.ENCRYPT_KEY;
import static dev.larkinbox.app.WorkTheInboxTest.SECRET;
import static dev.larkinbox.app.WorkTheInboxTest.uid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.larkinbox.inbound.http.support.LarkWire;
import dev.larkinbox.inbound.lark.fixtures.LarkFixtures;
import dev.larkinbox.outbound.lark.standin.LarkStandIn;
import dev.larkinbox.outbound.lark.standin.LarkStandIn.PostedCard;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Predicate;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Chat cards worked from outside: the whole service on its embedded PostgreSQL, Lark's side the stand-in open
 * API, events and clicks sent to the webhook encrypted and signed as Lark sends them: the "done when".
 */
@ExtendWith(SharedInbox.class)
class ChatCardsEndToEndTest {
    static final String CHAT = "oc_e2e_team_chat";
    private static final String CLICKER = "ou_e2e_clicker";
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void aP1IsACardItsAcknowledgeWorksItAsTheClickerAnInboxChangeUpdatesItAndAP4PostsNothing() {
        LarkStandIn lark = SharedInbox.lark();
        RunningInbox inbox = SharedInbox.inbox();
        InboxApi api = new InboxApi(inbox.uri());
        String crash = uid();
        String idea = uid();
        assertEquals(200, webhook(inbox.uri(), crashEvent(crash)).statusCode());
        assertEquals(200, webhook(inbox.uri(), suggestionEvent(idea)).statusCode());

        LarkStandIn.await("the P1's card in the chat", WAIT, () -> cardsAbout(lark, crash).size() == 1);
        PostedCard card = cardsAbout(lark, crash).get(0);
        assertEquals(CHAT, card.chatId());
        assertTrue(card.card().toString().contains("P1 stability"), card.card().toString());
        assertTrue(card.card().toString().contains("https://inbox.example.com/feedback/" + crash));

        HttpResponse<String> click = webhook(inbox.uri(),
                LarkFixtures.cardAction(uid(), crash, "acknowledge", CLICKER));
        assertEquals(200, click.statusCode(), click.body());
        JsonObject answer = JsonParser.parseString(click.body()).getAsJsonObject();
        assertEquals("success", answer.getAsJsonObject("toast").get("type").getAsString());
        assertTrue(answer.getAsJsonObject("card").getAsJsonObject("data").toString()
                .contains("Status\\nacknowledged"), answer.toString());
        JsonObject change = api.json("/api/feedback/" + crash + "/history").getAsJsonArray("items").get(0)
                .getAsJsonObject();
        assertEquals(CLICKER, change.get("actor").getAsString());
        assertEquals("lark_user", change.get("actor_kind").getAsString());

        HttpResponse<String> moved = api.patch("/api/feedback/" + crash, "{\"status\":\"in_progress\"}",
                Map.of("X-Inbox-Actor", "alice"));
        assertEquals(200, moved.statusCode(), moved.body());
        LarkStandIn.await("the card updated to in_progress", WAIT,
                () -> lark.cardOf(card.messageId()).toString().contains("Status\\nin_progress"));

        assertEquals(1, cardsAbout(lark, crash).size(), "the P1 posted once");
        assertEquals(List.of(), cardsAbout(lark, idea), "the P4 suggestion posted nothing");
    }

    /** The cards posted about this feedback: the service may share the chat with other tests. */
    private static List<PostedCard> cardsAbout(LarkStandIn lark, String feedbackId) {
        return lark.postedCards().stream().filter(c -> c.card().toString().contains(feedbackId)).toList();
    }

    @Test
    void cardsWrittenWhileLarkIsDownArePostedOnceAfterARestart(@TempDir Path dataDir) {
        try (LarkStandIn lark = LarkStandIn.start(APP, SECRET, 10)) {
            List<String> crashes = List.of(uid(), uid(), uid());
            lark.down();
            try (RunningInbox before = RunningInbox.start(config(dataDir, lark))) {
                for (String crash : crashes) {
                    assertEquals(200, webhook(before.uri(), crashEvent(crash)).statusCode());
                }
                LarkStandIn.await("attempts against the down Lark", WAIT,
                        () -> lark.calls("token") + lark.calls("message") >= 2);
                // the operator sees them wait, as statuses do
                String metrics = new InboxApi(before.uri()).get("/prometheus").body();
                assertTrue(metrics.contains("inbox_outbox_pending{kind=\"card\"} 3.0"), metrics);
                assertTrue(metrics.lines().anyMatch(l -> l.startsWith(
                        "inbox_outbox_oldest_age_seconds{kind=\"card\"} ") && Double.parseDouble(l.split(" ")[1]) >= 0),
                        metrics);
            }
            lark.up();

            try (RunningInbox after = RunningInbox.start(config(dataDir, lark))) {
                LarkStandIn.await("every card in the chat", WAIT, () -> lark.postedCards().size() == 3);
                LarkStandIn.await("no card waiting in the metrics", WAIT, () -> new InboxApi(after.uri())
                        .get("/prometheus").body().contains("inbox_outbox_pending{kind=\"card\"} 0.0"));
                // a further poll or two would post a doubled card now, if anything were left to post
                LarkStandIn.await("the outbox polled again", WAIT, () -> lark.calls("message") >= 3);
            }

            Set<String> posted = lark.postedCards().stream()
                    .map(c -> c.card().toString()).map(json -> crashes.stream().filter(json::contains).findFirst()
                            .orElseThrow()).collect(Collectors.toSet());
            assertEquals(Set.copyOf(crashes), posted);
            assertEquals(3, lark.postedCards().size());
        }
    }

    @Test
    void theDailyDigestIsPostedOnceForTheDayThoughTheJobRunsAgainAndTheServiceRestarts(@TempDir Path dataDir) {
        try (LarkStandIn lark = LarkStandIn.start(APP, SECRET, 10)) {
            Map<String, Object> config = config(dataDir, lark);
            ZoneId zone = ZoneId.of("Asia/Shanghai");
            // a minute ago in the digest's zone: due now, and well inside its window
            config.put("inbox.notify.digest.time", LocalTime.now(zone).minusMinutes(1)
                    .truncatedTo(ChronoUnit.MINUTES).toString());
            config.put("inbox.notify.digest.zone", zone.getId());
            config.put("inbox.notify.digest.check-interval", "100ms");
            Predicate<PostedCard> digest = c -> c.card().toString().contains("Feedback digest");
            try (RunningInbox first = RunningInbox.start(config)) {
                LarkStandIn.await("the digest in the chat", WAIT,
                        () -> lark.postedCards().stream().anyMatch(digest));
            }
            int calls = lark.calls("message");
            try (RunningInbox restarted = RunningInbox.start(config)) {
                LarkStandIn.await("the restarted service's digest job ran", WAIT,
                        () -> lark.calls("message") > calls);
            }

            assertEquals(1, lark.postedCards().stream().filter(digest).count());
            String json = lark.postedCards().stream().filter(digest).findFirst().orElseThrow().card().toString();
            assertTrue(json.contains("Since yesterday:"), json);
        }
    }

    static Map<String, Object> config(Path dataDir, LarkStandIn lark) {
        Map<String, Object> config = WorkTheInboxTest.config(dataDir, lark);
        config.put("inbox.notify.chat-id", CHAT);
        config.put("inbox.public-url", "https://inbox.example.com");
        return config;
    }

    static String crashEvent(String feedbackId) {
        JsonObject event = JsonParser.parseString(LarkFixtures.feedback("ev_" + feedbackId, feedbackId))
                .getAsJsonObject();
        event.getAsJsonObject("event").addProperty("app_id", APP);
        return event.toString();
    }

    private static String suggestionEvent(String feedbackId) {
        JsonObject event = JsonParser.parseString(crashEvent(feedbackId)).getAsJsonObject();
        event.getAsJsonObject("event").addProperty("feedback_type", 2);
        event.getAsJsonObject("event").remove("fault_type");
        return event.toString();
    }

    static HttpResponse<String> webhook(URI service, String event) {
        LarkWire.Request request = LarkWire.signed(event, ENCRYPT_KEY);
        HttpRequest.Builder builder = HttpRequest.newBuilder(service.resolve("/webhook/event"))
                .timeout(Duration.ofSeconds(15)).POST(HttpRequest.BodyPublishers.ofByteArray(request.body()));
        request.headers().forEach(builder::header);
        return Http.send(builder.build());
    }
}
