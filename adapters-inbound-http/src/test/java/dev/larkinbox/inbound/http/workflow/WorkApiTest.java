package dev.larkinbox.inbound.http.workflow;

import static dev.larkinbox.inbound.http.support.LarkEvents.uniqueId;
import static dev.larkinbox.inbound.http.support.ErrorAssertions.assertError;
import static dev.larkinbox.inbound.http.support.TestServer.ENCRYPT_KEY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import dev.larkinbox.domain.workflow.LarkFeedbackStatus;
import dev.larkinbox.inbound.http.support.LarkEvents;
import dev.larkinbox.inbound.http.support.LarkWire;
import dev.larkinbox.inbound.http.support.TestServer;
import dev.larkinbox.inbound.http.support.TestServer.Reply;
import dev.larkinbox.inbound.lark.fixtures.LarkFixtures;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Working feedback through the API: PATCH, history, If-Match, the assignee filter; fed through the webhook. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class WorkApiTest {
    private static final List<String> STATUSES = List.of("new", "acknowledged", "in_progress", "resolved", "closed");
    /** The workflow, written out: what may follow what. */
    private static final Set<String> ALLOWED = Set.of("new>acknowledged", "new>in_progress", "new>resolved",
            "new>closed", "acknowledged>in_progress", "acknowledged>resolved", "acknowledged>closed",
            "in_progress>resolved", "in_progress>closed", "resolved>acknowledged", "closed>acknowledged");
    /** How to reach each status from new. */
    private static final Map<String, List<String>> PATH = Map.of(
            "new", List.of(),
            "acknowledged", List.of("acknowledged"),
            "in_progress", List.of("acknowledged", "in_progress"),
            "resolved", List.of("acknowledged", "in_progress", "resolved"),
            "closed", List.of("acknowledged", "in_progress", "closed"));

    @RegisterExtension
    static final TestServer server = TestServer.secured();

    @Test
    void a_feedback_worked_from_new_to_resolved_shows_every_change_in_its_history_and_waits_for_lark_in_order() {
        String id = deliver(uniqueId("cli_"));

        assertEquals(200, patch(id, "{\"status\":\"acknowledged\",\"assignee\":\"alice\",\"note\":\"seen\"}").status());
        assertEquals(200, server.patch("/api/feedback/" + id, "{\"status\":\"in_progress\"}",
                Map.of("X-Inbox-Actor", "alice")).status());
        Reply resolved = patch(id, "{\"status\":\"resolved\",\"note\":\"fixed in 1.2.3\"}");

        assertEquals(200, resolved.status(), resolved.body());
        assertEquals("resolved", resolved.json().get("status").getAsString());
        assertEquals("alice", resolved.json().get("assignee").getAsString());
        assertEquals(4, resolved.json().get("version").getAsLong());
        assertEquals("\"4\"", resolved.headers().firstValue("ETag").orElseThrow());
        List<JsonObject> history = server.get("/api/feedback/" + id + "/history").items();
        assertEquals(List.of("new>acknowledged", "acknowledged>in_progress", "in_progress>resolved"),
                history.stream().map(h -> text(h, "from") + ">" + text(h, "to")).toList());
        assertEquals(List.of("api-token", "api-token", "api-token"), history.stream().map(h -> text(h, "actor"))
                .toList(), "the caller each time: X-Inbox-Actor names nobody");
        assertEquals(List.of("inbox", "inbox", "inbox"), history.stream().map(h -> text(h, "actor_name")).toList());
        assertEquals(List.of(2L, 3L, 4L), history.stream().map(h -> h.get("version").getAsLong()).toList());
        JsonObject first = history.get(0);
        assertEquals("user", text(first, "actor_kind"));
        assertTrue(first.get("assignee_before").isJsonNull());
        assertEquals("alice", text(first, "assignee_after"));
        assertEquals("seen", text(first, "note"));
        assertTrue(Instant.parse(text(first, "changed_at")).isBefore(Instant.now().plusSeconds(1)));
        assertEquals(List.of(LarkFeedbackStatus.MARKED, LarkFeedbackStatus.PROCESSING, LarkFeedbackStatus.CLOSED),
                server.pendingForLark(id));
    }

    @Test
    void a_new_report_is_resolved_in_one_save_with_one_history_entry_and_lark_is_sent_closed() {
        String id = deliver(uniqueId("cli_"));

        Reply resolved = patch(id, "{\"status\":\"resolved\",\"note\":\"known, fixed in 1.2.3\"}");

        assertEquals(200, resolved.status(), resolved.body());
        assertEquals("resolved", resolved.json().get("status").getAsString());
        assertEquals(2, resolved.json().get("version").getAsLong());
        List<JsonObject> history = server.get("/api/feedback/" + id + "/history").items();
        assertEquals(List.of("new>resolved"), history.stream().map(h -> text(h, "from") + ">" + text(h, "to")).toList());
        assertEquals(List.of(LarkFeedbackStatus.CLOSED), server.pendingForLark(id));
    }

    static Stream<Arguments> everyPairOfStatuses() {
        return STATUSES.stream().flatMap(from -> STATUSES.stream().map(to -> Arguments.of(from, to)));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("everyPairOfStatuses")
    void every_move_the_workflow_allows_is_made_and_every_other_is_409(String from, String to) {
        String id = deliver(uniqueId("cli_"));
        PATH.get(from).forEach(step -> assertEquals(200, patch(id, "{\"status\":\"" + step + "\"}").status()));
        long version = server.get("/api/feedback/" + id).json().get("version").getAsLong();

        Reply reply = patch(id, "{\"status\":\"" + to + "\"}");

        if (ALLOWED.contains(from + ">" + to)) {
            assertEquals(200, reply.status(), reply.body());
            assertEquals(to, reply.json().get("status").getAsString());
            assertEquals(version + 1, reply.json().get("version").getAsLong());
        } else if (from.equals(to)) {
            assertEquals(200, reply.status(), "asking for what is changes nothing");
            assertEquals(version, reply.json().get("version").getAsLong());
        } else {
            JsonObject problem = assertError(reply, 409, "impossible-transition");
            assertTrue(text(problem, "detail").startsWith(from + " can only go to "), text(problem, "detail"));
            assertEquals(from, server.get("/api/feedback/" + id).json().get("status").getAsString());
        }
    }

    @Test
    void what_cannot_be_a_change_is_400_and_an_unknown_feedback_404() {
        String id = deliver(uniqueId("cli_"));

        assertError(patch(id, "{\"status\":\"done\"}"), 400, "invalid-change");
        assertError(patch(id, "{}"), 400, "invalid-change");
        assertError(patch(id, "{\"note\":\"" + "n".repeat(2001) + "\"}"), 400, "invalid-change");
        assertError(patch(id, "not json"), 400, "malformed-body");
        assertError(patch(id, "[\"acknowledged\"]"), 400, "malformed-body");
        assertError(patch("fb_none", "{\"status\":\"acknowledged\"}"), 404, "not-found");
        assertError(server.get("/api/feedback/fb_none/history"), 404, "not-found");
        assertEquals(1, server.get("/api/feedback/" + id).json().get("version").getAsLong(), "nothing changed");
    }

    @Test
    void a_person_overrides_the_priority_with_a_reason_that_the_history_keeps_and_the_history_pages() {
        String id = deliver(uniqueId("cli_"));

        Reply lowered = patch(id, "{\"priority\":\"P3\",\"reason\":\"one user, an old phone\"}");

        assertEquals(200, lowered.status(), lowered.body());
        assertEquals("P3", text(lowered.json(), "priority"));
        patch(id, "{\"note\":\"asked for the phone model\"}");
        patch(id, "{\"status\":\"acknowledged\"}");
        JsonObject first = server.get("/api/feedback/" + id + "/history?limit=2").json();
        List<JsonObject> page = server.get("/api/feedback/" + id + "/history?limit=2").items();
        assertEquals("P1", text(page.get(0), "priority_before"));
        assertEquals("P3", text(page.get(0), "priority_after"));
        assertEquals("one user, an old phone", text(page.get(0), "note"));
        assertEquals("P3", text(page.get(1), "priority_before"));
        String cursor = first.get("next_cursor").getAsString();
        List<JsonObject> rest = server.get("/api/feedback/" + id + "/history?limit=2&cursor=" + cursor).items();
        assertEquals(List.of("acknowledged"), rest.stream().map(e -> text(e, "to")).toList());
        assertError(patch(id, "{\"priority\":\"P2\"}"), 400, "invalid-change");
        assertError(patch(id, "{\"reason\":\"why not\"}"), 400, "invalid-change");
        assertError(patch(id, "{\"priority\":\"P0\",\"reason\":\"x\"}"), 400, "invalid-change");
        assertError(patch(id, "{\"priority\":\"P2\",\"reason\":\"x\",\"note\":\"y\"}"), 400,
                "invalid-change");
        assertError(server.get("/api/feedback/" + id + "/history?cursor=bogus"), 400, "invalid-query");
    }

    @Test
    void a_change_names_the_version_it_saw_with_if_match_and_a_stale_one_is_412() {
        String id = deliver(uniqueId("cli_"));
        String etag = server.get("/api/feedback/" + id).headers().firstValue("ETag").orElseThrow();
        assertEquals("\"1\"", etag);

        Reply first = server.patch("/api/feedback/" + id, "{\"assignee\":\"alice\"}", Map.of("If-Match", etag));
        Reply stale = server.patch("/api/feedback/" + id, "{\"assignee\":\"bob\"}", Map.of("If-Match", etag));
        Reply garbage = server.patch("/api/feedback/" + id, "{\"assignee\":\"bob\"}", Map.of("If-Match", "W/\"2\""));
        Reply any = server.patch("/api/feedback/" + id, "{\"note\":\"whatever the version\"}", Map.of("If-Match", "*"));

        assertEquals(200, first.status(), first.body());
        assertEquals("\"2\"", first.headers().firstValue("ETag").orElseThrow());
        assertTrue(text(assertError(stale, 412, "stale-version"), "detail").contains("version 2, not 1"));
        assertError(garbage, 412, "stale-version");
        assertEquals(200, any.status());
        assertEquals("alice", server.get("/api/feedback/" + id).json().get("assignee").getAsString());
    }

    @Test
    void the_list_filters_by_assignee_and_an_empty_assignee_leaves_nobody() {
        String app = uniqueId("cli_");
        String alices = deliver(app);
        String bobs = deliver(app);
        String nobodys = deliver(app);
        patch(alices, "{\"assignee\":\"alice\"}");
        patch(bobs, "{\"assignee\":\"bob\"}");
        patch(nobodys, "{\"assignee\":\"alice\"}");
        Reply unassigned = server.patch("/api/feedback/" + nobodys, "{\"assignee\":\"\"}",
                Map.of("Content-Type", "application/merge-patch+json"));

        assertEquals(200, unassigned.status(), unassigned.body());
        assertTrue(unassigned.json().get("assignee").isJsonNull());
        assertEquals(List.of(alices), ids("/api/feedback?app_id=" + app + "&assignee=alice"));
        assertEquals(List.of(bobs), ids("/api/feedback?app_id=" + app + "&assignee=bob"));
    }

    @Test
    void a_status_set_in_larks_console_shows_by_its_operator_in_the_history_and_is_not_sent_back() {
        String id = deliver(uniqueId("cli_"));

        Reply delivered = server.webhook(LarkWire.signed(LarkFixtures.statusUpdate(uniqueId("ev_"), 3, id,
                "fb_not_here"), ENCRYPT_KEY));

        assertEquals(200, delivered.status(), delivered.body());
        assertEquals("closed", server.get("/api/feedback/" + id).json().get("status").getAsString());
        JsonObject change = server.get("/api/feedback/" + id + "/history").items().get(0);
        // the operator the event names, by their open_id
        assertEquals("ou_84aad35d084aa403a838cf73ee18467", text(change, "actor"));
        assertEquals("lark", text(change, "actor_kind"));
        assertEquals("new", text(change, "from"));
        assertEquals("closed", text(change, "to"));
        assertFalse(server.store().hasPending(id), "no echo to Lark");
    }

    @Test
    void a_change_with_the_api_token_is_by_api_token_under_the_name_it_stands_for() {
        try (TestServer bot = TestServer.start(Map.of("inbox.api-token", TestServer.API_TOKEN,
                "inbox.api-user", "triage-bot", "lark.webhook.allow-unverified", true))) {
            String feedbackId = uniqueId("fb_");
            assertEquals(200, bot.webhook(LarkWire.plain(LarkEvents.feedback(uniqueId("ev_"), feedbackId,
                    uniqueId("cli_"), LarkEvents.FAULT, 5))).status());

            bot.patch("/api/feedback/" + feedbackId, "{\"status\":\"acknowledged\"}", Map.of());

            JsonObject change = bot.get("/api/feedback/" + feedbackId + "/history").items().get(0);
            assertEquals("api-token", text(change, "actor"));
            assertEquals("triage-bot", text(change, "actor_name"));
        }
    }

    // --- helpers -------------------------------------------------------------------------------------------

    /** A crash report about the app, through the webhook; its feedback id. */
    private static String deliver(String appId) {
        String feedbackId = uniqueId("fb_");
        Reply reply = server.webhook(LarkWire.signed(LarkEvents.feedback(uniqueId("ev_"), feedbackId, appId,
                LarkEvents.FAULT, 5), ENCRYPT_KEY));
        assertEquals(200, reply.status(), reply.body());
        return feedbackId;
    }

    private static Reply patch(String feedbackId, String json) {
        return server.patch("/api/feedback/" + feedbackId, json, Map.of());
    }

    private static List<String> ids(String path) {
        return server.get(path).items().stream().map(i -> text(i, "feedback_id")).toList();
    }

    private static String text(JsonObject object, String field) {
        return object.get(field).getAsString();
    }
}
