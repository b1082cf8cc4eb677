package dev.larkinbox.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.larkinbox.inbound.lark.fixtures.LarkFixtures;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.Alert;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Triage as a person does it all day, in a real Chromium against the shared service: the keyboard, a saved view,
 * feedback arriving and changing while the inbox is open, and every page on a 375 px phone. Each test reads only the
 * feedback it sent, found by a word of its own in their descriptions.
 */
@ExtendWith({ChromiumAvailable.class, SharedInbox.class})
class TriageBrowserTest {
    /** The live inbox polls every {@link SharedInbox#LIVE_INTERVAL}; a loaded machine answers later. */
    private static final Duration LIVE = Duration.ofSeconds(30);
    private static final String TRIAGER = "kim";
    /** Who signing in with the API token is, whatever name they give: its holder, by that name. */
    private static final String HOLDER = "api-token";
    private static final Path SCREENSHOTS = Path.of(System.getProperty("inbox.screenshots", "target/screenshots"));

    private static InboxApi api;
    private Browser browser;
    private String word;

    @BeforeAll
    static void api() {
        api = new InboxApi(SharedInbox.inbox().uri());
    }

    @BeforeEach
    void openBrowser() {
        browser = new Browser(SharedInbox.inbox().uri().toString());
        word = "tri" + WorkTheInboxTest.uid().substring(0, 12);
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
    }

    @Test
    void aTriagerWorksTheInboxWithTheKeyboardAndKeysNeverFireWhileTyping() {
        String older = arrives(word + " the cart is slow");
        String newer = arrives(word + " it crashes at checkout");
        signIn();
        browser.open("/?q=" + word);
        browser.awaitRows("Feedback", 2);

        keys("?");
        WebElement help = browser.one(By.id("keys-help"));
        assertTrue(help.isDisplayed(), "? lists the keys");
        assertTrue(help.getText().contains("Assign it to me"), help.getText());
        keys(Keys.ESCAPE);
        awaitHidden(help);

        keys("/");
        WebElement search = browser.control("Search");
        assertEquals(search, browser.driver().switchTo().activeElement(), "/ goes to the search field");
        keys("jke");
        assertEquals("jke", search.getAttribute("value"), "typed into the field");
        assertTrue(browser.all(By.cssSelector("tr.selected")).isEmpty(), "j and k moved nothing while typing");
        assertEquals("new", api.json("/api/feedback/" + newer).get("status").getAsString(), "e changed nothing");
        keys(Keys.ESCAPE);
        assertEquals(browser.one(By.tagName("body")), browser.driver().switchTo().activeElement(),
                "Esc leaves the field, and the keys work again");

        keys("j");
        assertEquals(newer, selected(), "j: the first row, newest first");
        withAlt("j");
        withAlt("2");
        assertEquals(newer, selected(), "Alt+j moved nothing");
        assertThrows(NoAlertPresentException.class, () -> browser.driver().switchTo().alert(),
                "Alt+2 asked for no priority");
        keys("j");
        assertEquals(older, selected());
        keys("k");
        assertEquals(newer, selected());

        keys("e");
        awaitCell(newer, "cell-status", "acknowledged");
        keys("a");
        awaitCell(newer, "cell-assignee", TRIAGER);
        keys("2");
        Alert why = new WebDriverWait(browser.driver(), LIVE).until(ExpectedConditions.alertIsPresent());
        why.sendKeys("one user, an old phone");
        why.accept();
        awaitCell(newer, "cell-priority", "P2");
        JsonObject worked = api.json("/api/feedback/" + newer);
        assertEquals(List.of("acknowledged", HOLDER, "P2"), List.of(worked.get("status").getAsString(),
                worked.get("assignee").getAsString(), worked.get("priority").getAsString()));
        List<String> actors = history(newer);
        assertEquals(List.of(HOLDER, HOLDER, HOLDER), actors, "each key's change in the history, by its author");

        // someone else takes it into work: the row shows it in place, without a reload
        someoneElse(newer, "{\"status\":\"in_progress\"}");
        awaitCell(newer, "cell-status", "in_progress");
        assertEquals(newer, selected(), "the changed row stays selected");
        keys("r");
        awaitCell(newer, "cell-status", "resolved");

        keys("o");
        browser.awaitHeading("Feedback " + newer);
        browser.assertNoConsoleErrors();
    }

    @Test
    void onAFeedbacksPageTheKeysWorkItAsSaveDoesAndNeverWhileTyping() {
        String id = arrives(word + " the map never loads");
        signIn();
        browser.open("/feedback/" + id);
        browser.awaitHeading("Feedback " + id);
        assertEquals("Triage: P1, stability", browser.one(By.xpath("//section[h2[starts-with(normalize-space(.),"
                + "'Triage:')]]")).getAccessibleName(), "the triage's section named by its heading");

        browser.control("Note").click();
        keys("e");
        assertEquals("e", browser.control("Note").getAttribute("value"), "typed into the note");
        keys(Keys.ESCAPE);
        browser.control("Note").clear();
        assertEquals("new", api.json("/api/feedback/" + id).get("status").getAsString(), "e changed nothing");

        keys("e");
        browser.awaitText(By.cssSelector("main p.message[role=status]"), "Saved.");
        assertEquals("acknowledged", browser.chosen("Status"));
        keys("a");
        browser.awaitRows("History", 2);
        keys("3");
        Alert why = new WebDriverWait(browser.driver(), LIVE).until(ExpectedConditions.alertIsPresent());
        why.sendKeys("a map tile, not the app");
        why.accept();
        browser.awaitRows("History", 3);
        assertEquals("P3", browser.chosen("Priority"));
        keys("r");
        browser.awaitRows("History", 4);
        assertEquals("resolved", browser.chosen("Status"));

        JsonObject worked = api.json("/api/feedback/" + id);
        assertEquals(List.of("resolved", HOLDER, "P3"), List.of(worked.get("status").getAsString(),
                worked.get("assignee").getAsString(), worked.get("priority").getAsString()));
        List<List<String>> history = browser.rows("History");
        assertEquals(List.of("acknowledged", "acknowledged", "acknowledged", "resolved"),
                history.stream().map(h -> h.get(3)).toList(), "each key's step in the history, in order");
        assertEquals("a map tile, not the app", history.get(2).get(6), "the reason asked for, kept");
        browser.assertNoConsoleErrors();
    }

    @Test
    void aFeedbacksPageSaysBeforeSavingThatSomeoneElseChangedIt() {
        String id = arrives(word + " the upload freezes");
        openFeedback(id);
        WebElement notice = browser.one(By.id("stale-notice"));
        assertFalse(notice.isDisplayed());
        browser.type("Note", "looking");

        someoneElse(id, "{\"assignee\":\"lee\"}");

        new WebDriverWait(browser.driver(), LIVE).until(d -> notice.isDisplayed());
        assertTrue(notice.getText().startsWith("Someone else changed this feedback"), notice.getText());
        assertEquals("looking", browser.control("Note").getAttribute("value"), "what the person typed stays");
    }

    @Test
    void aChineseReaderReadsWhyAFeedbackWasTriagedInChinese() {
        String id = arrives(word + " the screen goes black");
        openFeedback(id);

        browser.press("中文");
        browser.awaitHeading("反馈 " + id);

        assertEquals(List.of("黑屏为 P1（稳定性）", "白屏为 P1（稳定性）", "无法打开为 P1（稳定性）"),
                browser.driver().findElements(By.cssSelector("ul[aria-label='分拣理由'] li")).stream()
                        .map(WebElement::getText).toList());
        // the language is remembered for the person: the other tests read English
        browser.press("English");
        browser.awaitHeading("Feedback " + id);
    }

    @Test
    void aPersonSavesAFilterAsAViewAndComesBackToItWithItsCount() {
        String crash = arrives(word + " crashes on start");
        arrives(word + " crashes on save");
        signIn();
        browser.open("/?q=" + word + "&priority=P1");
        browser.awaitRows("Feedback", 2);

        browser.type("View name", "Crashes " + word);
        browser.press("Save view");
        WebElement view = awaitView("Crashes " + word);
        assertEquals("2", view.findElement(By.className("count")).getText());
        assertEquals("page", view.getAttribute("aria-current"), "the view shown");

        browser.open("/");
        browser.awaitHeading("Inbox");
        awaitView("Crashes " + word).click();
        browser.awaitUrlContaining("q=" + word);
        browser.awaitRows("Feedback", 2);

        someoneElse(crash, "{\"assignee\":\"" + HOLDER + "\"}");
        browser.open("/");
        awaitView("Assigned to me").click();
        browser.awaitUrlContaining("assignee=" + HOLDER);
        browser.awaitText(By.tagName("tbody"), word + " crashes on start");
        assertEquals(1, browser.all(By.cssSelector("tr[data-id='" + crash + "']")).size(),
                "the feedback assigned to kim is among kim's");
    }

    @Test
    void feedbackArrivingWhileTheInboxIsOpenAppearsAndTheTitleAndTheViewCountIt() {
        arrives(word + " first report");
        signIn();
        browser.open("/?q=" + word);
        browser.type("View name", word);
        browser.press("Save view");
        WebElement view = awaitView(word);
        browser.awaitRows("Feedback", 1);
        assertEquals("1", view.findElement(By.className("count")).getText());
        String title = browser.driver().getTitle();
        browser.driver().executeScript("window.openedOnce = true;");

        String arrived = arrives(word + " second report, while the page is open");

        browser.awaitRows("Feedback", 2);
        assertEquals(arrived, browser.one(By.cssSelector("tbody tr")).getAttribute("data-id"), "newest first");
        assertTrue(browser.one(By.cssSelector("tbody tr")).getAttribute("class").contains("arrived"));
        assertEquals("(1) " + title, browser.driver().getTitle());
        assertEquals("2", view.findElement(By.className("count")).getText(), "the view's count, live too");
        assertEquals(true, browser.driver().executeScript("return window.openedOnce === true;"),
                "no reload: the page is still the one opened");
    }

    @Test
    void everyPageFitsA375PixelPhoneWithTargetsBigEnoughToTap() {
        String id = arrives(word + " 打开小程序后白屏，无法使用，每次打开都会白屏很久很久很久很久很久");
        String problem = Awaitility.await().atMost(Duration.ofSeconds(90)).until(
                () -> api.json("/api/feedback/" + id).get("problem_id"), p -> p != null && !p.isJsonNull())
                .getAsString();
        browser.driver().executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", 375, "height", 812, "deviceScaleFactor", 2, "mobile", true));
        browser.open("/sign-in");
        browser.awaitHeading("Lark app inbox");
        assertFitsAPhone("sign-in", "/sign-in");
        signIn();
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("inbox", "/");
        pages.put("inbox-searched", "/?q=" + word);
        pages.put("feedback", "/feedback/" + id);
        pages.put("problems", "/problems");
        pages.put("problem", "/problems/" + problem);
        pages.put("revocations", "/revocations");
        pages.put("dashboard", "/dashboard");
        pages.put("not-found", "/feedback/no-such-feedback");
        pages.forEach((name, page) -> {
            browser.open(page);
            assertFitsAPhone(name, page);
        });
    }

    /** @param name what its screenshot is called */
    private void assertFitsAPhone(String name, String page) {
        Map<?, ?> widths = (Map<?, ?>) browser.driver().executeScript("var e = document.documentElement;"
                + "return {scroll: e.scrollWidth, client: e.clientWidth};");
        assertEquals(375L, widths.get("client"), page);
        assertTrue((Long) widths.get("scroll") <= (Long) widths.get("client"), page + " scrolls sideways: " + widths);
        @SuppressWarnings("unchecked")
        List<String> small = (List<String>) browser.driver().executeScript("var small = [];"
                + "document.querySelectorAll('a, button, input:not([type=hidden]), select, textarea')"
                + ".forEach(function (el) { var r = el.getBoundingClientRect();"
                + "  if (r.width === 0 && r.height === 0) { return; }"
                + "  if (r.width < 44 || r.height < 44) { small.push(el.tagName + ' ' + (el.textContent || el.name)"
                + "    .trim().slice(0, 30) + ' ' + Math.round(r.width) + 'x' + Math.round(r.height)); } });"
                + "return small;");
        assertEquals(List.of(), small, page + ": targets smaller than 44 x 44 px");
        browser.screenshot(SCREENSHOTS.resolve("phone-" + name + ".png"));
        if (!browser.all(By.cssSelector("tr[data-id]")).isEmpty()) {
            browser.driver().executeScript("document.querySelector('tr[data-id]').scrollIntoView();");
            browser.screenshot(SCREENSHOTS.resolve("phone-" + name + "-rows.png"));
        }
    }

    private void signIn() {
        browser.signInWithToken("/sign-in", TRIAGER);
    }

    private void openFeedback(String id) {
        signIn();
        browser.open("/feedback/" + id);
        browser.awaitHeading("Feedback " + id);
    }

    private void keys(CharSequence keys) {
        browser.keys(keys);
    }

    private void withAlt(String key) {
        new Actions(browser.driver()).keyDown(Keys.ALT).sendKeys(key).keyUp(Keys.ALT).perform();
    }

    private String selected() {
        return browser.selectedRow();
    }

    private void awaitCell(String feedbackId, String cell, String text) {
        browser.awaitCell(feedbackId, cell, text);
    }

    private void awaitHidden(WebElement element) {
        new WebDriverWait(browser.driver(), LIVE).until(d -> !element.isDisplayed());
    }

    private WebElement awaitView(String name) {
        By view = By.xpath("//nav[@aria-labelledby='views-title']//a[span[@class='view-name' and normalize-space(.)='"
                + name + "']]");
        return new WebDriverWait(browser.driver(), LIVE).until(ExpectedConditions.elementToBeClickable(view));
    }

    private static List<String> history(String feedbackId) {
        return Awaitility.await().atMost(LIVE).until(() -> {
            List<String> actors = new java.util.ArrayList<>();
            for (JsonElement entry : api.json("/api/feedback/" + feedbackId + "/history").getAsJsonArray("items")) {
                actors.add(entry.getAsJsonObject().get("actor").getAsString());
            }
            return actors;
        }, actors -> actors.size() == 3);
    }

    /** A change made through the API by another person, as another tab or instance would make it. */
    private static void someoneElse(String feedbackId, String json) {
        var response = api.patch("/api/feedback/" + feedbackId, json, Map.of("X-Inbox-Actor", "lee"));
        assertEquals(200, response.statusCode(), response.body());
    }

    /** A crash report of the shared app, signed and posted to the webhook as Lark does; its feedback id. */
    private static String arrives(String description) {
        String feedbackId = WorkTheInboxTest.uid();
        SharedInbox.lark().addFeedback(WorkTheInboxTest.APP, feedbackId, LocalDateTime.now(WorkTheInboxTest.LARK_ZONE));
        JsonObject event = JsonParser.parseString(LarkFixtures.feedback("ev_" + feedbackId, feedbackId))
                .getAsJsonObject();
        event.getAsJsonObject("event").addProperty("app_id", WorkTheInboxTest.APP);
        event.getAsJsonObject("event").addProperty("description", description);
        var answer = ChatCardsEndToEndTest.webhook(SharedInbox.inbox().uri(), event.toString());
        assertEquals(200, answer.statusCode(), answer.body());
        return feedbackId;
    }
}
