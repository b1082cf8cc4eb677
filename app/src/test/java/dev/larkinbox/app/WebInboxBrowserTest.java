package dev.larkinbox.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.larkinbox.inbound.lark.fixtures.LarkFixtures;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

/**
 * The web inbox in a real Chromium, against the whole service on its embedded PostgreSQL: what a person with
 * only the API token does. The service is {@link SharedInbox.TokenOnly}'s, which other tests' feedback shares: so
 * what is counted is this test's. Screenshots of each page go to {@code inbox.screenshots} (a directory; by default
 * {@code target/screenshots}); {@code -Dinbox.screenshots=../docs/screenshots} refreshes the README's, from a clean
 * service of this test's own so that they show its feedback alone.
 */
@ExtendWith(ChromiumAvailable.class)
class WebInboxBrowserTest {
    private static final String CRASH = "9000000000000000001";
    private static final String LAG = "9000000000000000002";
    private static final String IDEA = "9000000000000000003";
    private static final String OTHER_APP = "9000000000000000004";
    private static final Path SCREENSHOTS = Path.of(System.getProperty("inbox.screenshots", "target/screenshots"));
    private static final List<String> DESCRIPTIONS = List.of("打开小程序后白屏，无法使用", "The upload button freezes for a minute",
            "Please add a dark mode", "Crashes on start");

    @TempDir
    static Path dataDir;
    private static RunningInbox inbox;
    private static RunningInbox own;
    private static InboxApi api;
    private Browser browser;

    @BeforeAll
    static void start() {
        if (System.getProperty("inbox.screenshots") == null) {
            inbox = SharedInbox.tokenOnly(); // Lark's events posted plain, with the fixtures' verification token
        } else {
            Map<String, Object> config = InboxApi.offlineConfig(dataDir);
            config.put("lark.verification-token", WorkTheInboxTest.TOKEN);
            own = RunningInbox.start(config);
            inbox = own;
        }
        api = new InboxApi(inbox.uri());
        arrive("ev-web-1", CRASH, "cli_web_app", 1, List.of(2), "打开小程序后白屏，无法使用\n第二行：每次都会");
        arrive("ev-web-2", LAG, "cli_web_app", 1, List.of(4), "The upload button freezes for a minute");
        arrive("ev-web-3", IDEA, "cli_web_app", 2, List.of(), "Please add a dark mode");
        arrive("ev-web-4", OTHER_APP, "cli_other_app", 1, List.of(5), "Crashes on start");
        revoke("ev-web-r1", "cli_web_app", "v1.2.0");
        revoke("ev-web-r2", "cli_web_app", "v1.3.0");
    }

    @AfterAll
    static void stop() {
        if (own != null) {
            own.close();
        }
    }

    @BeforeEach
    void openBrowser() {
        browser = new Browser(inbox.uri().toString());
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
    }

    @Test
    void aPersonSignsInFiltersSearchesOpensAndWorksAFeedbackAndSignsOut() {
        browser.open("/");
        browser.awaitHeading("Lark app inbox");
        shoot("sign-in");
        browser.type("API token", InboxApi.TOKEN);
        browser.type("Your name", "alice");
        browser.press("Sign in");
        browser.awaitHeading("Inbox");
        List<String> listed = ours(browser.rows("Feedback")).stream().map(r -> r.get(4)).toList();
        assertEquals(4, listed.size(), "each once: " + listed);
        assertTrue(listed.containsAll(DESCRIPTIONS), "every app's feedback: " + listed);
        shoot("inbox");

        browser.choose("Type", "fault");
        browser.type("App", "cli_web_app");
        browser.press("Filter");
        browser.awaitUrlContaining("type=fault");
        assertTrue(browser.url().contains("app=cli_web_app"), browser.url());
        browser.awaitText(By.tagName("tbody"), "The upload button");
        assertEquals(2, browser.rows("Feedback").size(), "faults of cli_web_app");

        browser.open("/?app=cli_web_app&q="
                + java.net.URLEncoder.encode("白屏", java.nio.charset.StandardCharsets.UTF_8));
        browser.awaitHeading("Inbox");
        assertEquals("白屏", browser.control("Search").getAttribute("value"), "a reload keeps the filter");
        List<List<String>> found = browser.rows("Feedback");
        assertEquals(1, found.size());
        assertEquals("打开小程序后白屏，无法使用", found.get(0).get(4), "the first line of the description");

        browser.follow("打开小程序后白屏，无法使用");
        browser.awaitHeading("Feedback " + CRASH);
        assertEquals("new", browser.chosen("Status"));
        browser.choose("Status", "acknowledged");
        browser.type("Assignee", "alice");
        browser.type("Note", "looking into it");
        browser.press("Save");
        browser.awaitText(By.cssSelector("[role=status]"), "Saved.");
        assertEquals("acknowledged", browser.chosen("Status"));
        assertEquals("alice", browser.control("Assignee").getAttribute("value"));
        List<String> change = browser.rows("History").get(0);
        assertEquals(List.of("alice", "new", "acknowledged", "nobody → alice"), change.subList(1, 5));
        assertEquals("looking into it", change.get(6));

        browser.choose("Priority", "P2");
        browser.type("Note", "one user only, an old phone");
        browser.press("Save");
        browser.awaitRows("History", 2);
        List<String> override = browser.rows("History").get(1);
        assertEquals("P1 → P2", override.get(5));
        assertEquals("one user only, an old phone", override.get(6));
        shoot("feedback");
        assertEquals("acknowledged", api.json("/api/feedback/" + CRASH).get("status").getAsString());
        assertEquals("P2", api.json("/api/feedback/" + CRASH).get("priority").getAsString());

        // within one app: on the shared service other classes' P1s may fill the whole first page
        browser.open("/?app=cli_web_app&status=open&sort=priority");
        browser.awaitHeading("Inbox");
        assertEquals("open", browser.chosen("Status"));
        assertEquals("priority", browser.chosen("Sort"));
        List<List<String>> byPriority = ours(browser.rows("Feedback"));
        // received last, the suggestion (P4) would come first by time
        assertEquals(List.of("P2", "P2", "P4"), byPriority.stream().map(r -> r.get(0)).toList());

        browser.assertNoConsoleErrors();
        browser.press("Sign out");
        browser.awaitHeading("Lark app inbox");
        browser.open("/");
        browser.awaitHeading("Lark app inbox");
        // the language and the zone are no session's: they stay in the browser
        assertFalse(browser.driver().manage().getCookies().stream()
                .anyMatch(c -> c.getName().equals("inbox_session") && !c.getValue().isEmpty()), "no session left");
    }

    @Test
    void aChangeMadeMeanwhileBySomeoneElseIsNotOverwrittenAndThePersonIsTold() {
        signIn("bob");
        browser.open("/feedback/" + LAG);
        browser.awaitHeading("Feedback " + LAG);
        browser.choose("Status", "acknowledged");
        browser.type("Assignee", "bob");
        // meanwhile carol takes it through the API
        HttpResponse<String> carol = api.patch("/api/feedback/" + LAG, "{\"status\":\"acknowledged\","
                + "\"assignee\":\"carol\"}", Map.of());
        assertEquals(200, carol.statusCode(), carol.body());

        browser.press("Save");

        browser.awaitText(By.cssSelector("[role=alert]"), "someone else changed this feedback meanwhile");
        assertEquals("carol", browser.control("Assignee").getAttribute("value"), "the page shows carol's change");
        assertEquals("carol", api.json("/api/feedback/" + LAG).get("assignee").getAsString(), "nothing overwritten");
        assertEquals(1, browser.rows("History").size());
        browser.assertNoConsoleErrors();
    }

    @Test
    void theRevocationsAndTheDashboardAreALinkAway() {
        signIn("dana");
        browser.follow("Revocations");
        browser.awaitHeading("Revocations");
        assertEquals(2, browser.rows("Revocations").stream().filter(r -> r.get(1).equals("cli_web_app")).count());
        browser.type("Version", "v1.3.0");
        browser.press("Filter");
        browser.awaitUrlContaining("version=v1.3.0");
        browser.awaitText(By.tagName("tbody"), "v1.3.0");
        assertEquals(1, browser.rows("Revocations").size());
        shoot("revocations");

        browser.follow("Dashboard");
        browser.awaitHeading("Dashboard");
        var chart = browser.one(By.xpath("//*[local-name()='svg' and @role='img'"
                + " and starts-with(@aria-label, 'Feedback per day')]"));
        assertTrue(chart.isDisplayed());
        assertEquals(3, browser.all(By.xpath("//*[local-name()='svg' and @role='img']")).size(),
                "per day by priority, by fault kind, open by age");
        shoot("dashboard");
        browser.assertNoConsoleErrors();
    }

    @Test
    void theJsonApiIsDescribedBySwaggerUiServedFromTheServiceToWhoeverSignedIn() {
        signIn("erin"); // Swagger UI is for those who hold the API token: a session signed in with it will do
        browser.open("/swagger-ui/index.html");
        browser.awaitText(By.tagName("body"), "/api/feedback");
        assertTrue(browser.all(By.xpath("//*[contains(@class, 'opblock-summary-path')]")).size() > 5,
                "the operations of the API are listed");
        browser.assertNoConsoleErrors();
    }

    @Test
    void aFormPostedFromAnotherSiteChangesNothing() {
        String session = signInOverHttp(inbox.uri());
        HttpResponse<String> forged = Http.send(HttpRequest.newBuilder(URI.create(inbox.uri() + "/feedback/" + IDEA))
                .timeout(Duration.ofSeconds(15)).header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", session)
                .POST(HttpRequest.BodyPublishers.ofString("version=1&status=acknowledged&csrf=guessed")).build());

        assertEquals(403, forged.statusCode());
        assertEquals("new", api.json("/api/feedback/" + IDEA).get("status").getAsString());
    }

    /** This test's rows, in the page's order. */
    private static List<List<String>> ours(List<List<String>> rows) {
        return rows.stream().filter(r -> DESCRIPTIONS.contains(r.get(4))).toList();
    }

    private void signIn(String name) {
        browser.signInWithToken("/sign-in", name);
    }

    /** @return the session cookie, as the browser would send it back */
    static String signInOverHttp(URI inbox) {
        HttpResponse<String> signedIn = Http.send(HttpRequest.newBuilder(URI.create(inbox + "/sign-in"))
                .timeout(Duration.ofSeconds(15)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("token=" + InboxApi.TOKEN)).build());
        assertEquals(303, signedIn.statusCode());
        String cookie = signedIn.headers().firstValue("Set-Cookie").orElseThrow();
        String attributes = cookie.toLowerCase(java.util.Locale.ROOT);
        assertTrue(attributes.contains("; httponly"), cookie);
        assertTrue(attributes.contains("; samesite=strict"), cookie);
        assertFalse(cookie.contains(InboxApi.TOKEN), "the cookie never holds the token");
        return cookie.substring(0, cookie.indexOf(';'));
    }

    private void shoot(String page) {
        browser.screenshot(SCREENSHOTS.resolve(page + ".png"));
    }

    private static void arrive(String eventId, String feedbackId, String appId, int type, List<Integer> faults,
                               String description) {
        JsonObject event = LarkFixtures.json(LarkFixtures.FEEDBACK_CREATED);
        event.getAsJsonObject("header").addProperty("event_id", eventId);
        JsonObject body = event.getAsJsonObject("event");
        body.addProperty("feedback_id", feedbackId);
        body.addProperty("app_id", appId);
        body.addProperty("feedback_type", type);
        JsonArray kinds = new JsonArray();
        faults.forEach(kinds::add);
        body.add("fault_type", kinds);
        body.addProperty("description", description);
        post(event.toString());
    }

    private static void revoke(String eventId, String appId, String versionId) {
        JsonObject event = LarkFixtures.json(LarkFixtures.PUBLISH_REVOKE);
        event.getAsJsonObject("header").addProperty("event_id", eventId);
        event.getAsJsonObject("event").addProperty("app_id", appId);
        event.getAsJsonObject("event").addProperty("version_id", versionId);
        post(event.toString());
    }

    private static void post(String json) {
        HttpResponse<String> answer = Http.send(HttpRequest.newBuilder(URI.create(inbox.uri() + "/webhook/event"))
                .timeout(Duration.ofSeconds(15)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
        assertEquals(200, answer.statusCode(), answer.body());
    }
}
