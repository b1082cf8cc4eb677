package dev.larkinbox.inbound.http.workflow;

import static dev.larkinbox.inbound.http.support.ErrorAssertions.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import dev.larkinbox.domain.event.EventMeta;
import dev.larkinbox.domain.event.Transport;
import dev.larkinbox.domain.event.UserRef;
import dev.larkinbox.domain.feedback.FaultKind;
import dev.larkinbox.domain.feedback.Feedback;
import dev.larkinbox.domain.feedback.FeedbackType;
import dev.larkinbox.domain.inbox.InboxService;
import dev.larkinbox.domain.inbox.TriageFeedbackCommand;
import dev.larkinbox.domain.workflow.LarkFeedbackStatus;
import dev.larkinbox.inbound.http.support.TestServer;
import dev.larkinbox.inbound.http.support.TestServer.Reply;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code POST /api/feedback/bulk}: one change to many feedback, each as a PATCH would make it. */
class BulkApiTest {
    @RegisterExtension
    static final TestServer server = TestServer.secured();

    @Test
    void resolvingNamedFeedbackChangesEachInItsHistoryAndForLarkAndListsWhatItDoesNotApplyTo() {
        String app = app();
        List<String> ids = report(app, 3);
        assertEquals(200, patch(ids.get(2), "{\"status\":\"closed\"}").status());
        server.pendingForLark(ids.get(2));

        Reply dry = server.post("/api/feedback/bulk", body(ids, "\"dry_run\":true"));
        Reply done = server.post("/api/feedback/bulk", body(ids, "\"dry_run\":false"));

        assertEquals(200, dry.status(), dry.body());
        assertEquals(200, done.status(), done.body());
        assertEquals(2, dry.json().get("changed").getAsLong());
        assertTrue(dry.json().get("dry_run").getAsBoolean());
        JsonObject outcome = done.json();
        assertEquals(2, outcome.get("changed").getAsLong());
        assertEquals(1, outcome.get("not_applied_count").getAsLong());
        JsonObject notApplied = outcome.getAsJsonArray("not_applied").get(0).getAsJsonObject();
        assertEquals(ids.get(2), notApplied.get("feedback_id").getAsString());
        assertEquals("closed can only go to acknowledged", notApplied.get("reason").getAsString());
        for (String id : ids.subList(0, 2)) {
            List<JsonObject> history = server.get("/api/feedback/" + id + "/history").items();
            assertEquals(1, history.size());
            assertEquals("new", history.get(0).get("from").getAsString());
            assertEquals("resolved", history.get(0).get("to").getAsString());
            assertEquals("release 2.1", history.get(0).get("note").getAsString());
            assertEquals(List.of(LarkFeedbackStatus.CLOSED), server.pendingForLark(id));
        }
    }

    @Test
    void allMatchingTheQueryStringsFilterAreAssignedAndTheOthersAreLeft() {
        String app = app();
        List<String> ids = report(app, 5);
        report(app(), 2);

        Reply done = server.post("/api/feedback/bulk?app_id=" + app + "&status=new",
                "{\"all_matching\":true,\"assignee\":\"bob\"}");

        assertEquals(200, done.status(), done.body());
        assertEquals(5, done.json().get("changed").getAsLong());
        assertEquals(ids.size(), server.get("/api/feedback?assignee=bob&app_id=" + app).items().size());
        assertEquals(5, server.get("/api/feedback?assignee=bob&limit=200").items().size());
    }

    @Test
    void aBodyThatIsNoBulkChangeIsRefusedAndChangesNothing() {
        List<String> ids = report(app(), 1);
        String one = "\"feedback_ids\":[\"" + ids.get(0) + "\"]";

        assertError(server.post("/api/feedback/bulk", "{" + one + "}"), 400, "invalid-change");
        assertError(server.post("/api/feedback/bulk", "{" + one + ",\"status\":\"done\"}"), 400, "invalid-change");
        assertError(server.post("/api/feedback/bulk", "{" + one + ",\"priority\":\"P1\"}"), 400, "invalid-change");
        assertError(server.post("/api/feedback/bulk", "{\"status\":\"resolved\"}"), 400, "invalid-change");
        assertError(server.post("/api/feedback/bulk?status=new", "{" + one + ",\"status\":\"resolved\"}"), 400,
                "invalid-change");
        assertError(server.post("/api/feedback/bulk?colour=red", "{\"all_matching\":true,\"status\":\"resolved\"}"),
                400, "invalid-query");
        assertError(server.post("/api/feedback/bulk", "{\"feedback_ids\":" + IntStream.rangeClosed(0, 1000)
                .mapToObj(n -> "\"fb-" + n + "\"").toList() + ",\"status\":\"resolved\"}"), 400, "invalid-change");
        assertEquals(1, server.get("/api/feedback/" + ids.get(0)).json().get("version").getAsLong());
    }

    private static String body(List<String> ids, String more) {
        return "{\"feedback_ids\":" + ids.stream().map(id -> "\"" + id + "\"").toList()
                + ",\"status\":\"resolved\",\"note\":\"release 2.1\"," + more + "}";
    }

    private static Reply patch(String id, String json) {
        return server.patch("/api/feedback/" + id, json, Map.of());
    }

    private static String app() {
        return "cli_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    }

    private static List<String> report(String app, int count) {
        return IntStream.range(0, count).mapToObj(n -> {
            String id = UUID.randomUUID().toString();
            Feedback feedback = new Feedback(id, app, "Acme", UserRef.NONE, FeedbackType.FAULT,
                    List.of(FaultKind.CRASH), null, null, null, "闪退 " + n, null, List.of(), "pages/pay");
            server.bean(InboxService.class).triage(new TriageFeedbackCommand(new EventMeta("ev-" + id,
                    "application.application.feedback.created_v6", app, "tenant", null, Instant.now(),
                    Transport.WEBHOOK), feedback, "{}"));
            return id;
        }).toList();
    }
}
