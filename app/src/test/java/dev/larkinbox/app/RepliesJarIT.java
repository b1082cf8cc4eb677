package dev.larkinbox.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.larkinbox.outbound.lark.standin.LarkStandIn;
import dev.larkinbox.outbound.lark.standin.LarkStandIn.BotMessage;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar answering a reporter through the stand-in Lark open API, configured by environment as an operator
 * would, with {@code INBOX_REPORTER_NOTIFY_ON_RESOLVE=true}: a reply reaches the reporter once across a Lark outage
 * and a restart, and a resolution tells them once.
 */
class RepliesJarIT {
    private static final String REPORTER = "ou_84aad35d084aa403a838cf73ee18467"; // the fixture's reporter
    private static final String REPLY = "谢谢，我们正在处理";
    private static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void aReplyReachesTheReporterOnceAcrossAnOutageAndARestartAndAResolveTellsThemOnce(@TempDir Path dir)
            throws Exception {
        String id = WorkTheInboxTest.uid();
        try (LarkStandIn lark = LarkStandIn.start(WorkTheInboxTest.APP, WorkTheInboxTest.SECRET, 10)) {
            Map<String, String> env = Map.ofEntries(
                    Map.entry("LARK_ENCRYPT_KEY", WorkTheInboxTest.ENCRYPT_KEY),
                    Map.entry("LARK_VERIFICATION_TOKEN", WorkTheInboxTest.TOKEN),
                    Map.entry("LARK_APP_ID", WorkTheInboxTest.APP),
                    Map.entry("LARK_APP_SECRET", WorkTheInboxTest.SECRET),
                    Map.entry("LARK_DOMAIN", lark.baseUrl()),
                    Map.entry("INBOX_API_TOKEN", InboxApi.TOKEN),
                    Map.entry("INBOX_SYNC_TO_LARK", "false"),
                    Map.entry("INBOX_RECOVERY_INITIAL_DELAY", "1h"),
                    Map.entry("INBOX_SYNC_POLL_INTERVAL", "100ms"),
                    Map.entry("INBOX_SYNC_BACKOFF_FIRST", "100ms"),
                    Map.entry("INBOX_SYNC_BACKOFF_MAX", "500ms"),
                    Map.entry("INBOX_REPORTER_NOTIFY_ON_RESOLVE", "true"));
            lark.down();
            ServiceProcess before = ServiceProcess.fromJar(PackagedJarIT.JAR, dir, env);
            try (before) {
                assertEquals(200, ChatCardsEndToEndTest.webhook(before.uri(), ChatCardsEndToEndTest.crashEvent(id))
                        .statusCode());
                HttpResponse<String> accepted = reply(before.uri(), id, REPLY);
                assertEquals(202, accepted.statusCode(), accepted.body());
                assertEquals("pending", JsonParser.parseString(accepted.body()).getAsJsonObject().get("state")
                        .getAsString());
                LarkStandIn.await("attempts against the down Lark", WAIT, () -> lark.calls("token") + lark.calls("message") >= 2);
                assertEquals(List.of("pending"), states(new InboxApi(before.uri()), id));
                before.stopWithSigterm();
            }
            lark.up();

            try (ServiceProcess after = before.startAgain()) {
                InboxApi api = new InboxApi(after.uri());
                LarkStandIn.await("the reply delivered", WAIT, () -> states(api, id).equals(List.of("delivered")));
                for (String status : List.of("acknowledged", "in_progress", "resolved")) {
                    HttpResponse<String> worked = api.patch("/api/feedback/" + id,
                            "{\"status\":\"" + status + "\"}", Map.of());
                    assertEquals(200, worked.statusCode(), worked.body());
                }
                LarkStandIn.await("the resolution's notice delivered", WAIT,
                        () -> states(api, id).equals(List.of("delivered", "delivered")));

                JsonArray replies = api.json("/api/feedback/" + id + "/replies").getAsJsonArray("items");
                JsonObject notice = replies.get(1).getAsJsonObject();
                assertEquals("reply", replies.get(0).getAsJsonObject().get("kind").getAsString());
                assertEquals(REPLY, replies.get(0).getAsJsonObject().get("text").getAsString());
                assertEquals("resolved", notice.get("kind").getAsString());
            }

            List<BotMessage> sent = lark.botMessages();
            assertEquals(List.of(REPORTER, REPORTER), sent.stream().map(BotMessage::openId).toList(),
                    "the reply once and one notice, to the reporter");
            assertEquals(REPLY, sent.get(0).text());
            assertTrue(sent.get(1).text().contains("已解决"), sent.get(1).text()); // inbox.reporter.language zh
        }
    }

    private static HttpResponse<String> reply(URI service, String id, String text) {
        JsonObject body = new JsonObject();
        body.addProperty("text", text);
        return Http.send(HttpRequest.newBuilder(service.resolve("/api/feedback/" + id + "/replies"))
                .timeout(Duration.ofSeconds(15)).header("Authorization", "Bearer " + InboxApi.TOKEN)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build());
    }

    /** The states of the feedback's messages to its reporter, oldest first. */
    private static List<String> states(InboxApi api, String id) {
        return StreamSupport.stream(api.json("/api/feedback/" + id + "/replies").getAsJsonArray("items").spliterator(),
                false).map(m -> m.getAsJsonObject().get("state").getAsString()).toList();
    }
}
