package dev.larkinbox.app;

import static dev.larkinbox.app.ProblemReports.deliver;
import static dev.larkinbox.app.ProblemReports.members;
import static dev.larkinbox.app.ProblemReports.moveTo;
import static dev.larkinbox.app.ProblemReports.problemOf;
import static dev.larkinbox.app.ProblemReports.reasons;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import dev.larkinbox.outbound.lark.standin.LarkStandIn;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The "done when" for problems, against the packaged jar: six similar reports of a slow cart and two of a
 * payment crash come out as two problems with the right members; six in a minute make the first spiking and P1;
 * resolving it resolves its six; a seventh reopens it as a regression.
 */
class ProblemsJarIT {
    private static final String APP = "cli_problems_jar_app";
    /** The grouping job runs every second; a loaded 2-core machine may take much longer. */
    private static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void similarReportsBecomeTwoProblemsTheBurstSpikesResolvingResolvesItsSixAndASeventhIsARegression(
            @TempDir Path dir) throws Exception {
        Path jar = Path.of("target", "lark-app-inbox.jar");
        assertTrue(Files.isRegularFile(jar), "package builds " + jar.toAbsolutePath());
        try (ServiceProcess service = ServiceProcess.fromJar(jar, dir, Map.of(
                "LARK_ENCRYPT_KEY", WorkTheInboxTest.ENCRYPT_KEY, "LARK_VERIFICATION_TOKEN", WorkTheInboxTest.TOKEN,
                "INBOX_API_TOKEN", InboxApi.TOKEN))) {
            InboxApi api = new InboxApi(service.uri());
            List<String> cart = new ArrayList<>();
            List<String> pay = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                cart.add("cart-" + i);
                deliver(service.uri(), ProblemReports.slowCart(APP, cart.get(i), i));
            }
            for (int i = 0; i < 2; i++) {
                pay.add("pay-" + i);
                deliver(service.uri(), ProblemReports.paymentCrash(APP, pay.get(i), i));
            }

            LarkStandIn.await("all eight grouped", WAIT, () -> api.all("/api/problems", "app_id=" + APP).stream()
                    .mapToLong(p -> p.get("count").getAsLong()).sum() == 8);
            List<JsonObject> problems = api.all("/api/problems", "app_id=" + APP + "&sort=count");
            assertEquals(2, problems.size(), problems.toString());
            String cartProblem = problemOf(api, "cart-0");
            String payProblem = problemOf(api, "pay-0");
            assertNotEquals(cartProblem, payProblem);
            assertEquals(cart, members(api, cartProblem));
            assertEquals(pay, members(api, payProblem));

            JsonObject spiking = api.json("/api/problems/" + cartProblem);
            assertEquals(6, spiking.get("count").getAsInt());
            assertEquals(6, spiking.get("tenants").getAsInt());
            assertTrue(spiking.get("spiking").getAsBoolean(), spiking.toString());
            assertEquals("P1", spiking.get("priority").getAsString());
            assertTrue(reasons(spiking).contains("the spike raises it from P2 to P1"), spiking.toString());
            JsonObject crash = api.json("/api/problems/" + payProblem);
            assertFalse(crash.get("spiking").getAsBoolean(), crash.toString());
            assertEquals(List.of(cartProblem), api.all("/api/problems", "app_id=" + APP + "&spiking=true").stream()
                    .map(p -> p.get("problem_id").getAsString()).toList());

            for (String status : List.of("acknowledged", "in_progress", "resolved")) {
                moveTo(api, cartProblem, status);
            }
            assertEquals("resolved", api.json("/api/problems/" + cartProblem).get("status").getAsString());
            for (String feedbackId : cart) {
                assertEquals("resolved", api.json("/api/feedback/" + feedbackId).get("status").getAsString());
                assertEquals(3, api.json("/api/feedback/" + feedbackId + "/history").getAsJsonArray("items").size());
            }
            assertEquals("new", api.json("/api/feedback/pay-0").get("status").getAsString());

            deliver(service.uri(), ProblemReports.slowCart(APP, "cart-6", 6));
            LarkStandIn.await("the seventh grouped", WAIT, () -> cartProblem.equals(problemOf(api, "cart-6")));

            JsonObject regressed = api.json("/api/problems/" + cartProblem);
            assertEquals(7, regressed.get("count").getAsInt());
            assertTrue(regressed.get("regressed").getAsBoolean(), regressed.toString());
            assertEquals("acknowledged", regressed.get("status").getAsString());
            assertTrue(reasons(regressed).contains("reported again after it was resolved: reopened as a regression"),
                    regressed.toString());
        }
    }
}
