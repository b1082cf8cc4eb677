package dev.larkinbox.inbound.http.problems;

import static dev.larkinbox.inbound.http.support.ErrorAssertions.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.larkinbox.domain.event.EventMeta;
import dev.larkinbox.domain.event.Transport;
import dev.larkinbox.domain.event.UserRef;
import dev.larkinbox.domain.feedback.FaultKind;
import dev.larkinbox.domain.feedback.Feedback;
import dev.larkinbox.domain.feedback.FeedbackType;
import dev.larkinbox.domain.inbox.InboxService;
import dev.larkinbox.domain.inbox.TriageFeedbackCommand;
import dev.larkinbox.domain.problem.GroupNewFeedback;
import dev.larkinbox.domain.problem.GroupNewFeedbackCommand;
import dev.larkinbox.domain.workflow.LarkFeedbackStatus;
import dev.larkinbox.inbound.http.support.TestServer;
import dev.larkinbox.inbound.http.support.TestServer.Reply;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Problems through the API, from outside: list, filter, sort, page, read, work, merge, and the refusals. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ProblemApiTest {
    @RegisterExtension
    static final TestServer server = TestServer.secured();
    private static final AtomicLong LAST_REPORT = new AtomicLong();

    @Test
    void similarReportsAreListedAsOneProblemWithTheFieldsOfTheIssueAndItsFeedbackNewestFirst() {
        String app = app();
        List<String> cart = report(app, "pages/cart", FaultKind.SLOW_PAGE_LOAD, "购物车页面加载很慢，一直在转圈",
                "购物车页面加载很慢，要等很久", "打开购物车页面加载很慢");
        report(app, "pages/pay", FaultKind.CRASH, "点击支付后应用闪退");
        group();

        List<JsonObject> items = server.get("/api/problems?app_id=" + app + "&sort=count").items();

        assertEquals(2, items.size());
        JsonObject problem = items.get(0);
        assertEquals(Set.of("problem_id", "app_id", "title", "count", "first_seen", "last_seen", "tenants",
                "fault_types", "feedback_path", "status", "priority", "spiking", "regressed", "reasons"),
                problem.keySet());
        assertEquals(3, problem.get("count").getAsInt());
        assertEquals("购物车页面加载很慢，一直在转圈", problem.get("title").getAsString());
        assertEquals("pages/cart", problem.get("feedback_path").getAsString());
        assertEquals("slow_page_load", problem.getAsJsonArray("fault_types").get(0).getAsString());
        assertEquals("new", problem.get("status").getAsString());
        assertFalse(problem.get("spiking").getAsBoolean());
        assertTrue(problem.getAsJsonArray("reasons").get(0).getAsString().startsWith("grouped by app "),
                problem.toString());
        assertEquals("no problem yet with that", problem.getAsJsonArray("reasons").get(1).getAsString(),
                "the API's reasons in English");
        String id = problem.get("problem_id").getAsString();
        assertEquals(id, server.get("/api/problems/" + id).json().get("problem_id").getAsString());

        List<JsonObject> feedback = server.get("/api/problems/" + id + "/feedback?limit=2").items();
        assertEquals(List.of(cart.get(2), cart.get(1)), feedback.stream().map(f -> f.get("feedback_id").getAsString())
                .toList());
        assertEquals(id, feedback.get(0).get("problem_id").getAsString());
        assertEquals(id, server.get("/api/feedback/" + cart.get(0)).json().get("problem_id").getAsString());
        assertEquals(List.of("pages/pay"), server.get("/api/problems?app_id=" + app + "&priority=P1").items().stream()
                .map(p -> p.get("feedback_path").getAsString()).toList());
        assertEquals(0, server.get("/api/problems?app_id=" + app + "&spiking=true").items().size());
    }

    @Test
    void aProblemOfNewReportsIsResolvedInOneMoveEachReportInItsHistoryAndSentToLark() {
        List<String> ids = twoSlowCartReportsGrouped();
        String id = server.get("/api/feedback/" + ids.get(0)).json().get("problem_id").getAsString();

        Reply resolved = server.patch("/api/problems/" + id, "{\"status\":\"resolved\",\"note\":\"fixed in 2.1\"}",
                Map.of("X-Inbox-Actor", "alice"));

        assertEquals(200, resolved.status(), resolved.body());
        assertEquals("resolved", resolved.json().getAsJsonObject("problem").get("status").getAsString());
        assertEquals(Set.copyOf(ids), strings(resolved.json().get("moved")));
        for (String feedbackId : ids) {
            List<JsonObject> history = server.get("/api/feedback/" + feedbackId + "/history").items();
            assertEquals(1, history.size(), feedbackId);
            assertEquals("new", history.get(0).get("from").getAsString());
            assertEquals("resolved", history.get(0).get("to").getAsString());
            assertEquals(List.of(LarkFeedbackStatus.CLOSED), server.pendingForLark(feedbackId));
        }
    }

    @Test
    void workingAProblemMovesEachOfItsOpenFeedbackAndTheProblemFollows() {
        List<String> ids = twoSlowCartReportsGrouped();
        String id = server.get("/api/feedback/" + ids.get(0)).json().get("problem_id").getAsString();

        Reply worked = server.patch("/api/problems/" + id, "{\"status\":\"acknowledged\",\"note\":\"on it\"}",
                Map.of("X-Inbox-Actor", "alice"));

        assertEquals(200, worked.status(), worked.body());
        assertEquals("acknowledged", worked.json().getAsJsonObject("problem").get("status").getAsString());
        assertEquals(Set.copyOf(ids), strings(worked.json().get("moved")));
        for (String feedbackId : ids) {
            assertEquals("acknowledged", server.get("/api/feedback/" + feedbackId).json().get("status").getAsString());
            JsonObject entry = server.get("/api/feedback/" + feedbackId + "/history").items().get(0);
            assertEquals("api-token", entry.get("actor").getAsString(), "X-Inbox-Actor names nobody");
            assertEquals("on it", entry.get("note").getAsString());
        }
        assertError(server.patch("/api/problems/" + id, "{\"status\":\"new\"}", Map.of()), 409,
                "impossible-transition");
        assertError(server.patch("/api/problems/" + id, "{\"note\":\"no status\"}", Map.of()), 400,
                "invalid-change");
        assertTrue(detail(assertError(server.patch("/api/problems/" + id, "{\"status\":\"in_progress\",\"note\":\""
                        + "n".repeat(2001) + "\"}", Map.of()), 400, "invalid-change")).startsWith("note must not be"));
        assertError(server.patch("/api/problems/" + id, "{\"status\":\"in_progress\",\"note\":\" \"}", Map.of()),
                400, "invalid-change");
        assertEquals("acknowledged", server.get("/api/problems/" + id).json().get("status").getAsString());
    }

    @Test
    void mergingMovesTheFeedbackIntoTheOtherProblemAndTheFirstIsGone() {
        String app = app();
        String first = report(app, "pages/cart", FaultKind.SLOW_PAGE_LOAD, "购物车页面加载很慢").get(0);
        String second = report(app, "pages/cart", FaultKind.SLOW_PAGE_LOAD, "nothing appears but the logo").get(0);
        group();
        String into = server.get("/api/feedback/" + first).json().get("problem_id").getAsString();
        String from = server.get("/api/feedback/" + second).json().get("problem_id").getAsString();

        Reply merged = server.post("/api/problems/" + from + "/merge", "{\"into\":\"" + into + "\"}");

        assertEquals(200, merged.status(), merged.body());
        assertEquals(2, merged.json().get("count").getAsInt());
        assertEquals(into, server.get("/api/feedback/" + second).json().get("problem_id").getAsString());
        assertError(server.get("/api/problems/" + from), 404, "not-found");
        assertError(server.post("/api/problems/" + from + "/merge", "{\"into\":\"" + into + "\"}"), 404,
                "not-found");
        assertError(server.post("/api/problems/" + into + "/merge", "{}"), 400, "invalid-change");
        assertEquals("a problem cannot be merged into itself", detail(assertError(server.post("/api/problems/" + into
                + "/merge", "{\"into\":\"" + into + "\"}"), 400, "invalid-change")));
    }

    @Test
    void anUnknownProblemIs404AndABadFilterOrSortIs400NamingIt() {
        assertError(server.get("/api/problems/pb-none"), 404, "not-found");
        assertError(server.get("/api/problems/pb-none/feedback"), 404, "not-found");
        assertError(server.get("/api/problems?sort=newest"), 400, "invalid-query");
        assertError(server.get("/api/problems?spiking=maybe"), 400, "invalid-query");
        assertError(server.get("/api/problems?state=open"), 400, "invalid-query");
        assertError(server.get("/api/problems", null), 401, "wrong-api-token");
    }

    @Test
    void problemsArePagedLikeTheOtherLists() {
        String app = app();
        report(app, "pages/a", FaultKind.LAG, "first page lags");
        report(app, "pages/b", FaultKind.LAG, "second page lags");
        report(app, "pages/c", FaultKind.LAG, "third page lags");
        group();

        Reply first = server.get("/api/problems?app_id=" + app + "&limit=2");
        Reply rest = server.get("/api/problems?app_id=" + app + "&limit=2&cursor=" + first.nextCursor());

        assertEquals(List.of("pages/c", "pages/b"), paths(first.items()));
        assertEquals(List.of("pages/a"), paths(rest.items()));
        assertNull(rest.nextCursor());
    }

    private static List<String> paths(List<JsonObject> items) {
        return items.stream().map(p -> p.get("feedback_path").getAsString()).toList();
    }

    private static Set<String> strings(JsonElement array) {
        return StreamSupport.stream(array.getAsJsonArray().spliterator(), false).map(JsonElement::getAsString)
                .collect(java.util.stream.Collectors.toSet());
    }

    private static String app() {
        return "cli_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    }

    private static List<String> report(String app, String path, FaultKind kind, String... descriptions) {
        InboxService inbox = server.bean(InboxService.class);
        return java.util.Arrays.stream(descriptions).map(description -> {
            String id = UUID.randomUUID().toString();
            Feedback feedback = new Feedback(id, app, "Acme", UserRef.NONE, FeedbackType.FAULT, List.of(kind), null,
                    null, null, description, null, List.of(), path);
            inbox.triage(new TriageFeedbackCommand(new EventMeta("ev-" + id, "application.application.feedback"
                    + ".created_v6", app, "tenant", null, nextTime(), Transport.WEBHOOK), feedback, "{}"));
            return id;
        }).toList();
    }

    /** Now, or a millisecond after the last report's time: the reports' times, and their order, differ. */
    private static Instant nextTime() {
        return Instant.ofEpochMilli(LAST_REPORT.updateAndGet(last -> Math.max(last + 1, System.currentTimeMillis())));
    }

    private static void group() {
        server.bean(GroupNewFeedback.class).group(new GroupNewFeedbackCommand(1000));
    }

    private static String detail(JsonObject problem) {
        return problem.get("detail").getAsString();
    }

    /** Two reports of a slow cart of a new app, grouped into one problem. */
    private static List<String> twoSlowCartReportsGrouped() {
        List<String> ids = report(app(), "pages/cart", FaultKind.SLOW_PAGE_LOAD, "购物车页面加载很慢，一直在转圈",
                "购物车页面加载很慢，要等很久");
        group();
        return ids;
    }
}
