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
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/**
 * The problems pages in a real Chromium, against the whole service on its embedded PostgreSQL, fed by webhook events
 * as Lark sends them with the verification token alone: what a person sees once the grouping job has grouped them,
 * and how they work a problem. On the shared {@link SharedInbox.TokenOnly} service: the problems are of apps of this
 * class alone, and a problem's likely duplicates are of its own app.
 */
@ExtendWith({ChromiumAvailable.class, SharedInbox.TokenOnly.class})
class ProblemsBrowserTest {
    private static final String SHOP = "cli_shop_app";
    private static final String SEARCH = "cli_search_app";
    // the grouping job runs every second (inbox.problems.group-interval); a loaded CI machine takes longer
    private static final Duration GROUPED = Duration.ofSeconds(90);
    private static final Path SCREENSHOTS = Path.of(System.getProperty("inbox.screenshots", "target/screenshots"));
    private static final List<String> SLOW_CART = List.of(
            "购物车页面加载很慢，要等十几秒才显示商品",
            "购物车加载很慢，等了十几秒才显示",
            "购物车页面打开很慢，商品要等很久才显示",
            "购物车页面加载太慢了，十几秒才出来商品",
            "The cart page is very slow, 购物车加载要等十几秒",
            "购物车页面加载很慢");
    private static final List<String> PAYMENT_CRASH = List.of("点击支付后应用闪退", "支付的时候闪退了，点击支付就闪退");

    private static RunningInbox inbox;
    private static InboxApi api;
    private Browser browser;

    @BeforeAll
    static void start() {
        inbox = SharedInbox.tokenOnly();
        api = new InboxApi(inbox.uri());
        applyForPublishing(SHOP, "2.3.0");
        for (int i = 0; i < SLOW_CART.size(); i++) {
            // two tenants: four reports from one, two from the other
            arrive("ev-cart-" + i, cartId(i), SHOP, i < 4 ? "tenant_a" : "tenant_b", 4,
                    "pages/cart/index", SLOW_CART.get(i));
        }
        for (int i = 0; i < PAYMENT_CRASH.size(); i++) {
            arrive("ev-pay-" + i, "9320000000000000" + i, SHOP, "tenant_a", 5, "pages/pay/index",
                    PAYMENT_CRASH.get(i));
        }
        // one problem filed from two pages, so the grouping splits them; their titles read alike
        arrive("ev-search-0", "93300000000000000", SEARCH, "tenant_a", 8, "pages/search/index", "搜索鞋子没有任何结果");
        arrive("ev-search-1", "93300000000000001", SEARCH, "tenant_b", 8, "pages/search/result",
                "Search finds nothing at all");
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
    void aPersonSeesTheSlowCartAndThePaymentCrashAsTwoProblemsResolvesTheSlowCartWithAllItsFeedbackAndSeesItRegress() {
        signIn("erin");
        browser.follow("Problems");
        browser.awaitHeading("Problems");
        browser.type("App", SHOP);
        browser.choose("Sort", "most reports first");
        browser.press("Filter");
        browser.awaitUrlContaining("sort=count");
        browser.awaitRowsReloading("Problems", 2, GROUPED);
        awaitCount(0, "6");

        List<List<String>> problems = browser.rows("Problems");
        List<String> cart = problems.get(0);
        assertEquals(SLOW_CART.get(0), cart.get(0), "titled by its first report");
        assertEquals(List.of("6", "2"), cart.subList(1, 3), "six reports from two tenants");
        assertEquals("new", cart.get(5));
        assertEquals("P1", cart.get(6), "six reports in a minute: a spike raises the lag's P2");
        assertTrue(cart.get(7).startsWith("spiking"), cart.get(7));
        assertTrue(cart.get(7).contains("spiking since"), "the mark says why: " + cart.get(7));
        List<String> payment = problems.get(1);
        assertEquals(PAYMENT_CRASH.get(0), payment.get(0));
        assertEquals(List.of("2", "1"), payment.subList(1, 3));
        assertEquals("P1", payment.get(6), "a crash");
        assertFalse(payment.get(7).contains("spiking"), "two reports are no spike");
        shoot("problems");

        browser.follow(SLOW_CART.get(0));
        browser.awaitText(By.tagName("h1"), "Problem ");
        String problemUrl = browser.url();
        List<List<String>> members = browser.rows("Its feedback");
        assertEquals(6, members.size());
        assertEquals(SLOW_CART.stream().sorted().toList(), members.stream().map(m -> m.get(4)).sorted().toList(),
                "its members are the six slow-cart reports, each linked to its page");
        assertFalse(browser.all(By.xpath("//ul[@aria-labelledby='reasons']/li")).isEmpty(), "why they are one");
        assertEquals("2.3.0", field("Newest version when first seen"), "the release it may have come with");

        browser.follow(SLOW_CART.get(3));
        browser.awaitHeading("Feedback " + cartId(3));
        browser.follow(SLOW_CART.get(0)); // the problem it belongs to
        browser.awaitText(By.tagName("h1"), "Problem ");
        assertEquals(problemUrl, browser.url());

        // the workflow takes each feedback step by step: acknowledged, in progress, resolved
        move("acknowledged", "all six are the cart's image loading");
        move("in_progress", null);
        move("resolved", "images are lazy-loaded since 2.3.1");
        assertEquals(List.of("resolved"), browser.rows("Its feedback").stream().map(m -> m.get(2)).distinct()
                .toList());
        shoot("problem");
        for (int i = 0; i < SLOW_CART.size(); i++) {
            JsonObject feedback = api.json("/api/feedback/" + cartId(i));
            assertEquals("resolved", feedback.get("status").getAsString(), "each of its feedback");
        }
        assertEquals("new", api.json("/api/feedback/93200000000000000").get("status").getAsString(),
                "the other problem's feedback is left alone");

        browser.follow("← Problems");
        browser.awaitHeading("Problems");
        browser.choose("Status", "open");
        browser.type("App", SHOP);
        browser.press("Filter");
        browser.awaitUrlContaining("status=open");
        browser.awaitRows("Problems", 1);
        assertEquals(PAYMENT_CRASH.get(0), browser.rows("Problems").get(0).get(0), "only the payment crash is open");

        arrive("ev-cart-6", cartId(6), SHOP, "tenant_b", 4, "pages/cart/index", "购物车页面加载又变慢了，要等十几秒才显示");
        browser.open("/problems?app=" + SHOP + "&sort=count");
        browser.awaitHeading("Problems");
        awaitCount(0, "7");
        List<String> reopened = browser.rows("Problems").get(0);
        assertEquals("acknowledged", reopened.get(5), "a seventh report reopens it");
        assertTrue(reopened.get(7).contains("regressed"), reopened.get(7));
        assertTrue(reopened.get(7).contains("reopened as a regression"), "the mark says why: " + reopened.get(7));
        browser.assertNoConsoleErrors();
    }

    @Test
    void aWronglySplitPairIsOfferedAsALikelyDuplicateAndMergedWithItsButton() {
        signIn("frank");
        browser.open("/problems?app=" + SEARCH);
        browser.awaitHeading("Problems");
        browser.awaitRowsReloading("Problems", 2, GROUPED);
        List<String> ids = browser.all(By.xpath("//table[caption='Problems']/tbody/tr/td[1]/a")).stream()
                .map(a -> a.getAttribute("href")).map(href -> href.substring(href.lastIndexOf('/') + 1)).toList();
        assertEquals(2, ids.size());

        browser.open("/problems/" + ids.get(0));
        browser.awaitHeading("Problem " + ids.get(0));
        assertEquals(1, browser.rows("Its feedback").size());
        assertEquals(1, browser.rows("Likely duplicates").size(), "the other, by its title");
        browser.press("Merge");

        browser.awaitText(By.cssSelector("[role=status]"), "Problem " + ids.get(1) + " was merged into this one.");
        assertEquals("Problem " + ids.get(0), browser.one(By.tagName("h1")).getText());
        assertEquals(2, browser.rows("Its feedback").size(), "the feedback of both");
        browser.open("/problems?app=" + SEARCH);
        browser.awaitHeading("Problems");
        List<List<String>> left = browser.rows("Problems");
        assertEquals(1, left.size(), "one problem where there were two");
        assertEquals("2", left.get(0).get(1));
        browser.assertNoConsoleErrors();
        browser.open("/problems/" + ids.get(1)); // the browser logs its 404
        browser.awaitHeading("No such problem");
    }

    private String field(String name) {
        return browser.one(By.xpath("//dl[@class='fields']/dt[normalize-space(.)='" + name
                + "']/following-sibling::dd[1]")).getText();
    }

    private void move(String status, String note) {
        browser.choose("Move its feedback to", status);
        if (note != null) {
            browser.type("Note", note);
        }
        browser.press("Move");
        browser.awaitText(By.cssSelector("[role=status]"), "Moved 6 feedback to " + status + ".");
    }

    /** The grouping may still be taking the last reports in: wait until the row counts them all. */
    private void awaitCount(int row, String count) {
        Awaitility.await("row " + row + " counts " + count).atMost(GROUPED).pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofSeconds(1)).until(() -> {
                    if (count.equals(browser.rows("Problems").get(row).get(1))) {
                        return true;
                    }
                    browser.driver().navigate().refresh();
                    return false;
                });
    }

    private void signIn(String name) {
        browser.signInWithToken("/sign-in", name);
    }

    private void shoot(String page) {
        browser.screenshot(SCREENSHOTS.resolve(page + ".png"));
    }

    private static String cartId(int i) {
        return "9310000000000000" + i;
    }

    /** The app's publish of a version applied for, before any feedback came. */
    private static void applyForPublishing(String appId, String version) {
        JsonObject event = LarkFixtures.json(LarkFixtures.PUBLISH_APPLY);
        event.getAsJsonObject("header").addProperty("app_id", appId);
        JsonObject body = event.getAsJsonObject("event");
        body.remove("online_version");
        body.getAsJsonObject("under_audit_version").addProperty("app_id", appId);
        body.getAsJsonObject("under_audit_version").addProperty("version", version);
        post(event.toString());
    }

    private static void arrive(String eventId, String feedbackId, String appId, String tenant, int faultKind,
                               String path, String description) {
        JsonObject event = LarkFixtures.json(LarkFixtures.FEEDBACK_CREATED);
        event.getAsJsonObject("header").addProperty("event_id", eventId);
        event.getAsJsonObject("header").addProperty("tenant_key", tenant);
        JsonObject body = event.getAsJsonObject("event");
        body.addProperty("feedback_id", feedbackId);
        body.addProperty("app_id", appId);
        JsonArray kinds = new JsonArray();
        kinds.add(faultKind);
        body.add("fault_type", kinds);
        body.addProperty("feedback_path", path);
        body.addProperty("description", description);
        post(event.toString());
    }

    private static void post(String json) {
        HttpResponse<String> answer = Http.send(HttpRequest.newBuilder(URI.create(inbox.uri() + "/webhook/event"))
                .timeout(Duration.ofSeconds(15)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
        assertEquals(200, answer.statusCode(), answer.body());
    }
}
