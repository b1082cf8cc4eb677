package dev.larkinbox.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.larkinbox.domain.person.People;
import dev.larkinbox.domain.person.Person;
import dev.larkinbox.domain.person.Role;
import dev.larkinbox.inbound.lark.fixtures.LarkFixtures;
import dev.larkinbox.outbound.lark.standin.LarkStandIn;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
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
 * Signing in with Lark in a real Chromium, as a person does it, against the whole service and the stand-in Lark.
 * The inbox is at {@code localhost} and Lark's pages at {@code 127.0.0.1}: two sites, so that the return from Lark
 * is a cross-site navigation and the session's SameSite=Strict cookie is really put to the test. A service of its
 * own (one start): it needs {@code inbox.public-url} to be its own address, where Lark sends the browser back, and
 * {@code inbox.access.*}. Card clicks, from the chat, are sent to its webhook as Lark sends them.
 */
@ExtendWith(ChromiumAvailable.class)
class LarkSignInBrowserTest {
    static final String TEAM = "oc_lark_team";
    private static final String MEMBER = "ou_lark_member";
    private static final String STRANGER = "ou_lark_stranger";
    private static final String OUTSIDER = "ou_lark_outsider";
    private static final String VIEWER = "ou_lark_viewer";

    @TempDir
    static Path dataDir;
    private static LarkStandIn lark;
    private static RunningInbox inbox;
    private static String site;
    private Browser browser;

    @BeforeAll
    static void start() {
        lark = LarkStandIn.start(WorkTheInboxTest.APP, WorkTheInboxTest.SECRET, 10);
        lark.accounts().person(MEMBER, "王小明");
        lark.accounts().person(STRANGER, "Mallory");
        lark.accounts().person(OUTSIDER, "Olga");
        lark.accounts().person(VIEWER, "Vera");
        lark.accounts().chatMembers(TEAM, VIEWER, MEMBER, OUTSIDER);
        lark.accounts().outsideAvailability(OUTSIDER);
        int port = ServiceProcess.freePort();
        site = "http://localhost:" + port;
        inbox = RunningInbox.start(config(dataDir, lark, port));
    }

    /** The shared service's settings, with sign-in by Lark at this port; Lark's pages on the stand-in. */
    static Map<String, Object> config(Path dir, LarkStandIn lark, int port) {
        Map<String, Object> config = ChatCardsEndToEndTest.config(dir, lark);
        config.put("micronaut.server.port", port);
        config.put("inbox.public-url", "http://localhost:" + port);
        config.put("lark.accounts-domain", lark.baseUrl());
        config.put("inbox.access.chat-id", TEAM);
        return config;
    }

    @AfterAll
    static void stop() {
        if (inbox != null) {
            inbox.close();
        }
        lark.close();
    }

    @BeforeEach
    void openBrowser() {
        browser = new Browser(site);
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
    }

    @Test
    void aChatMemberSignsInWithLarkSeesTheirNameWorksAFeedbackAndTheHistoryNamesThem() {
        String id = WorkTheInboxTest.uid();
        assertEquals(200, ChatCardsEndToEndTest.webhook(inbox.uri(), ChatCardsEndToEndTest.crashEvent(id))
                .statusCode());
        lark.accounts().atTheBrowser(MEMBER);

        signInWithLark(browser);
        browser.awaitHeading("Inbox");
        assertEquals("王小明", browser.one(By.cssSelector("form.sign-out strong")).getText());

        browser.open("/feedback/" + id);
        browser.awaitHeading("Feedback " + id);
        browser.choose("Status", "acknowledged");
        browser.type("Note", "我来看看");
        browser.press("Save");
        browser.awaitText(By.cssSelector("[role=status]"), "Saved.");
        List<String> change = browser.rows("History").get(0);
        assertEquals("王小明", change.get(1), "the change is theirs, by name");
        JsonObject entry = new InboxApi(inbox.uri()).json("/api/feedback/" + id + "/history").getAsJsonArray("items")
                .get(0).getAsJsonObject();
        assertEquals(MEMBER, entry.get("actor").getAsString());
        browser.assertNoConsoleErrors();
    }

    @Test
    void aViewerSignedInWithLarkReadsAFeedbackButSeesNoSave() {
        String id = WorkTheInboxTest.uid();
        assertEquals(200, ChatCardsEndToEndTest.webhook(inbox.uri(), ChatCardsEndToEndTest.crashEvent(id))
                .statusCode());
        inbox.context().getBean(People.class).save(new Person(VIEWER, "Vera", null, Role.VIEWER));
        lark.accounts().atTheBrowser(VIEWER);

        signInWithLark(browser);
        browser.awaitHeading("Inbox");
        browser.open("/feedback/" + id);
        browser.awaitHeading("Feedback " + id);

        assertTrue(browser.driver().findElements(By.xpath("//button[normalize-space()='Save']")).isEmpty(),
                "a viewer reads: no Save");
        assertTrue(browser.driver().findElements(By.xpath("//h2[normalize-space()='Work it']")).isEmpty());
        browser.assertNoConsoleErrors();
    }

    @Test
    void someoneOutsideTheChatIsRefusedWithTheReasonAndNotSignedIn() {
        lark.accounts().atTheBrowser(STRANGER);

        signInWithLark(browser);

        browser.awaitHeading("You are not signed in");
        assertEquals("Your Lark account is not let into this inbox: you are not a member of the team’s chat, nor "
                + "one of the people let in by name. Ask an admin of the inbox.",
                browser.one(By.cssSelector("[role=alert]")).getText());
        assertNotSignedIn();
    }

    @Test
    void someoneOutsideTheAppsAvailabilityIsToldSo() {
        lark.accounts().atTheBrowser(OUTSIDER);

        signInWithLark(browser);

        browser.awaitHeading("You are not signed in");
        assertEquals("This Lark app is not available to you (Lark error 20010). Ask your Lark admin to add you to "
                + "the app’s availability range.", browser.one(By.cssSelector("[role=alert]")).getText());
        assertNotSignedIn();
    }

    @Test
    void aPersonWhoCancelsAtLarkIsToldSo() {
        lark.accounts().atTheBrowser(MEMBER);
        lark.accounts().cancelling();

        signInWithLark(browser);

        browser.awaitHeading("You are not signed in");
        assertTrue(browser.one(By.cssSelector("[role=alert]")).getText().startsWith("You cancelled at Lark"));
        assertNotSignedIn();
    }

    @Test
    void theWayBackFromLarkUsedOnceSignsNobodyInASecondTime() {
        lark.accounts().atTheBrowser(MEMBER);
        signInWithLark(browser);
        browser.awaitHeading("Inbox");
        List<URI> sentBack = lark.accounts().sentBack();
        URI used = sentBack.get(sentBack.size() - 1);

        try (Browser another = new Browser(site)) {
            another.driver().get(used.toString());
            another.awaitHeading("You are not signed in");
            assertTrue(another.one(By.cssSelector("[role=alert]")).getText()
                    .startsWith("This sign-in link is used, expired, or was started in another browser."));
            another.open("/");
            another.awaitHeading("Lark app inbox");
        }
        browser.driver().get(used.toString());
        browser.awaitHeading("You are not signed in");
    }

    @Test
    void cardClicksWorkForAMemberAndAreRefusedToAViewerAndAStranger() {
        String id = WorkTheInboxTest.uid();
        assertEquals(200, ChatCardsEndToEndTest.webhook(inbox.uri(), ChatCardsEndToEndTest.crashEvent(id))
                .statusCode());
        inbox.context().getBean(People.class).save(new Person(VIEWER, "Vera", null, Role.VIEWER));

        JsonObject stranger = click(id, STRANGER);
        JsonObject viewer = click(id, VIEWER);
        assertEquals("error", stranger.getAsJsonObject("toast").get("type").getAsString());
        assertEquals("you are not one of this inbox's people: nothing changed",
                stranger.getAsJsonObject("toast").get("content").getAsString());
        assertEquals("error", viewer.getAsJsonObject("toast").get("type").getAsString());
        assertEquals("viewers may read, not work feedback: nothing changed",
                viewer.getAsJsonObject("toast").get("content").getAsString());
        InboxApi api = new InboxApi(inbox.uri());
        assertEquals(0, api.json("/api/feedback/" + id + "/history").getAsJsonArray("items").size());

        JsonObject member = click(id, MEMBER);

        assertEquals("success", member.getAsJsonObject("toast").get("type").getAsString(), member.toString());
        assertTrue(member.getAsJsonObject("card").getAsJsonObject("data").toString()
                .contains("Status\\nacknowledged"), "the card answered shows it: " + member);
        JsonObject entry = api.json("/api/feedback/" + id + "/history").getAsJsonArray("items").get(0)
                .getAsJsonObject();
        assertEquals(MEMBER, entry.get("actor").getAsString());
        assertEquals("lark_user", entry.get("actor_kind").getAsString());
        assertEquals("acknowledged", api.json("/api/feedback/" + id).get("status").getAsString());
    }

    private JsonObject click(String feedbackId, String openId) {
        HttpResponse<String> answer = ChatCardsEndToEndTest.webhook(inbox.uri(),
                LarkFixtures.cardAction(WorkTheInboxTest.uid(), feedbackId, "acknowledge", openId));
        assertEquals(200, answer.statusCode(), answer.body());
        return JsonParser.parseString(answer.body()).getAsJsonObject();
    }

    /** From the sign-in page, as a person does: the page's control, Lark's page, and back. */
    static void signInWithLark(Browser browser) {
        browser.open("/");
        browser.awaitHeading("Lark app inbox");
        browser.follow("Sign in with Lark");
    }

    private void assertNotSignedIn() {
        browser.open("/");
        browser.awaitHeading("Lark app inbox");
        assertFalse(browser.driver().manage().getCookies().stream()
                .anyMatch(c -> c.getName().contains("inbox_session") && !c.getValue().isEmpty()), "no session");
    }
}
