package dev.larkinbox.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import dev.larkinbox.inbound.lark.fixtures.LarkFixtures;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The dashboard's feedback-per-day chart marks the versions applied for and approved on their days, in a real
 * Chromium against the whole service on its embedded PostgreSQL, and says so in a list a screen reader reads.
 */
@ExtendWith({ChromiumAvailable.class, SharedInbox.TokenOnly.class})
class VersionsDashboardBrowserTest {
    private static final String APP = "cli_versions_app";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MM-dd");
    private static final Instant NOW = Instant.now();

    private static RunningInbox inbox;

    @BeforeAll
    static void arrive() {
        inbox = SharedInbox.tokenOnly(); // Lark's events posted plain, with the fixtures' verification token
        post(LarkFixtures.feedback("ev-dash-fb", "9100000000000000002"));
        post(step(LarkFixtures.PUBLISH_APPLY, "ev-dash-old", "oav_old", "1.0.0", NOW.minus(Duration.ofDays(40))));
        post(step(LarkFixtures.PUBLISH_APPLY, "ev-dash-apply", "oav_21", "2.1.0", NOW.minus(Duration.ofDays(3))));
        post(step(LarkFixtures.VERSION_AUDIT, "ev-dash-approve", "oav_21", null, NOW.minus(Duration.ofDays(2))));
        post(step(LarkFixtures.PUBLISH_REVOKE, "ev-dash-revoke", "oav_21", null, NOW.minus(Duration.ofDays(1))));
    }

    @Test
    void theFeedbackPerDayChartMarksEachVersionAppliedForOrApprovedOnItsDayAndListsThem() {
        try (Browser browser = new Browser(inbox.uri().toString())) {
            browser.signInWithToken("/sign-in", null);
            browser.follow("Dashboard");
            browser.awaitHeading("Dashboard");

            List<String> listed = browser.all(By.xpath("//ul[@aria-label='Versions on the chart']/li")).stream()
                    .map(WebElement::getText).toList();
            assertEquals(List.of("2.1.0 applied on " + day(3), "2.1.0 approved on " + day(2)), listed,
                    "the version older than the chart and the revocation are not marked");
            WebElement chart = browser.one(By.xpath("//*[local-name()='svg' and @role='img'"
                    + " and starts-with(@aria-label, 'Feedback per day')]"));
            List<String> marks = chart.findElements(By.xpath(".//*[local-name()='g' and @class='mark']"
                    + "/*[local-name()='title']")).stream().map(t -> t.getAttribute("textContent")).toList();
            assertEquals(List.of("2.1.0 applied", "2.1.0 approved"), marks);
            assertTrue(chart.isDisplayed());
            browser.assertNoConsoleErrors();
        }
    }

    @Test
    void aVersionUnderTheChartOpensItsReleaseWhenItWasTheNewestAndTheDaysAroundIt() {
        try (Browser browser = new Browser(inbox.uri().toString())) {
            browser.signInWithToken("/sign-in", null);
            browser.follow("Dashboard");
            browser.awaitHeading("Dashboard");
            browser.choose("Range", "Last 7 days");
            browser.type("App", APP);
            browser.press("Show");
            browser.awaitUrlContaining("days=7");

            browser.follow("2.1.0 approved on " + day(2));
            browser.awaitHeading("Release 2.1.0");

            List<String> newest = browser.all(By.xpath("//section[@aria-labelledby='release-newest']//li")).stream()
                    .map(WebElement::getText).toList();
            assertEquals(1, newest.size(), "applied, then revoked a day after its approval: " + newest);
            assertTrue(newest.get(0).startsWith("From "), newest.get(0));
            List<String> steps = browser.all(By.xpath("//section[@aria-labelledby='release-steps']//li")).stream()
                    .map(WebElement::getText).toList();
            assertEquals(List.of("2.1.0 applied", "2.1.0 approved", "2.1.0 revoked"),
                    steps.stream().map(t -> t.substring(0, t.indexOf(" on "))).toList());
            WebElement chart = browser.one(By.xpath("//*[local-name()='svg' and @role='img'"
                    + " and starts-with(@aria-label, 'Feedback per day by priority around 2.1.0')]"));
            assertTrue(chart.isDisplayed());
            browser.assertNoConsoleErrors();
            browser.assertNoCspViolations();
        }
    }

    private static String day(int daysAgo) {
        return DAY.format(LocalDate.ofInstant(NOW.minus(Duration.ofDays(daysAgo)), ZoneOffset.UTC));
    }

    /** The fixture under another event id, about this app's version, created at that time. */
    private static String step(String fixture, String eventId, String versionId, String version, Instant at) {
        JsonObject event = LarkFixtures.json(fixture);
        event.getAsJsonObject("header").addProperty("event_id", eventId);
        event.getAsJsonObject("header").addProperty("create_time", Long.toString(at.toEpochMilli()));
        JsonObject body = event.getAsJsonObject("event");
        JsonObject named = body.has("under_audit_version") ? body.getAsJsonObject("under_audit_version") : body;
        named.addProperty("app_id", APP);
        named.addProperty("version_id", versionId);
        if (version != null) {
            named.addProperty("version", version);
        }
        return event.toString();
    }

    private static void post(String json) {
        HttpResponse<String> answer = Http.postJson(inbox.uri().resolve("/webhook/event"), json);
        assertEquals(200, answer.statusCode(), answer.body());
    }
}
