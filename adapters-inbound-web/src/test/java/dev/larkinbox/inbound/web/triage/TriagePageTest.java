package dev.larkinbox.inbound.web.triage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.larkinbox.domain.feedback.FaultKind;
import dev.larkinbox.domain.inbox.MatchCount;
import dev.larkinbox.domain.person.Person;
import dev.larkinbox.domain.person.Role;
import dev.larkinbox.domain.workflow.Actor;
import dev.larkinbox.domain.workflow.WorkFeedbackCommand;
import dev.larkinbox.domain.workflow.WorkflowService;
import dev.larkinbox.inbound.web.support.Arrivals;
import dev.larkinbox.inbound.web.support.WebServer.Reply;
import dev.larkinbox.inbound.web.support.WebServer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.TreeSet;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What the inbox and a feedback's page give keyboard triage, the views and the live inbox: the script and its help,
 * each view with its count, saving and deleting a view, and the version a page asks for.
 */
class TriagePageTest {
    @RegisterExtension
    static final WebServer web = WebServer.start();

    @Test
    void theInboxAndAFeedbacksPageLoadTheKeyboardScriptAndListItsKeysInAHelpDialog() throws IOException {
        String app = Arrivals.unique("cli_keys_");
        String id = Arrivals.fault(web.store(), app, FaultKind.CRASH, "It crashes", Instant.now());
        WebServer.Visitor alice = member("alice");

        for (String path : List.of("/?app=" + app, "/feedback/" + id)) {
            Document page = alice.get(path).page();
            assertNotNull(page.selectFirst("head script[src=/assets/triage.js][defer]"), path);
            Element help = page.selectFirst("dialog#keys-help");
            assertNotNull(help, path);
            assertEquals("Keyboard shortcuts", page.getElementById(help.attr("aria-labelledby")).text());
            assertEquals(List.of("j k", "o", "a", "e", "r", "1–4", "/", "?"), help.select("dt").eachText());
            assertEquals(List.of("Next, previous feedback", "Open it", "Assign it to me", "Acknowledge it",
                    "Resolve it", "Priority P1 to P4", "Search", "This list"), help.select("dd").eachText());
            assertEquals("Keys do nothing while you type in a field; Esc leaves it.", help.selectFirst("p").text());
            assertEquals("alice", page.getElementById("triage").attr("data-me"), "who 'a' assigns to");
            assertEquals("5000", page.getElementById("triage").attr("data-poll-ms"),
                    "how often the page looks for changes: inbox.web.live-interval, 5 s unless set");
        }
        try (InputStream script = getClass().getResourceAsStream("/web-assets/triage.js")) {
            String code = new String(script.readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(code.contains("isContentEditable") && code.contains("event.ctrlKey"),
                    "keys never fire while typing or with a modifier");
        }
    }

    @Test
    void everyWordOfTheTriageBundleIsThereInBothLanguages() throws IOException {
        Properties english = bundle("en");
        Properties chinese = bundle("zh_CN");

        assertEquals(new TreeSet<>(english.stringPropertyNames()), new TreeSet<>(chinese.stringPropertyNames()));
        for (String key : chinese.stringPropertyNames()) {
            assertTrue(chinese.getProperty(key).codePoints().anyMatch(c -> Character.UnicodeScript.of(c)
                    == Character.UnicodeScript.HAN), key + " is written in Chinese");
        }
    }

    private static Properties bundle(String language) throws IOException {
        Properties words = new Properties();
        try (InputStream in = TriagePageTest.class.getResourceAsStream("/i18n/triage_" + language + ".properties")) {
            words.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return words;
    }

    @Test
    void chineseReadersGetTheKeysAndViewsInChinese() {
        WebServer.Visitor alice = member("alice");

        Document page = alice.get("/", "Accept-Language", "zh-CN").page();

        assertEquals("键盘快捷键", page.selectFirst("#keys-help h2").text());
        assertEquals(List.of("分配给我的", "未分配的 P1/P2"), page.select(".views .view-name").eachText());
        assertEquals("保存视图", page.selectFirst(".save-view button").text());
    }

    @Test
    void theInboxRowsCarryWhatTheKeyboardChangesThemWith() {
        String app = Arrivals.unique("cli_rows_");
        String id = Arrivals.fault(web.store(), app, FaultKind.CRASH, "It crashes", Instant.now());
        WebServer.Visitor alice = member("alice");
        web.bean(WorkflowService.class).work(new WorkFeedbackCommand(id, null, "bob", null, null, 1L,
                Actor.user("bob")));

        Element row = alice.get("/?app=" + app).page().selectFirst("tbody tr[data-id]");

        assertEquals(id, row.attr("data-id"));
        assertEquals("2", row.attr("data-version"));
        assertEquals("bob", row.attr("data-assignee"));
    }

    @Test
    void assignedToMeAndUnassignedUrgentAreEveryonesViewsWithTheirCounts() {
        String app = Arrivals.unique("cli_views_");
        String mine = Arrivals.fault(web.store(), app, FaultKind.CRASH, "Mine", Instant.now());
        Arrivals.fault(web.store(), app, FaultKind.CRASH, "Nobody's crash", Instant.now());
        String carols = "carol" + app;
        web.bean(WorkflowService.class).work(new WorkFeedbackCommand(mine, null, carols, null, null, 1L,
                Actor.user(carols)));
        WebServer.Visitor carol = member(carols);

        Document page = carol.get("/?status=open&assignee=" + carols).page();

        List<Element> views = page.select(".views li > a");
        assertEquals(List.of("Assigned to me", "Unassigned P1/P2"), page.select(".views .view-name").eachText());
        assertEquals("1", views.get(0).selectFirst(".count").text());
        assertEquals("page", views.get(0).attr("aria-current"), "the view shown");
        assertEquals("page", carol.get("/?status=open&assignee=" + carols + "&sort=newest").page()
                .selectFirst(".views li > a").attr("aria-current"), "newest first is the inbox's own order");
        assertEquals("/?status=open&priority=P1%2CP2&assignee=%28nobody%29&sort=priority", views.get(1).attr("href"));

        Document urgent = carol.get(views.get(1).attr("href") + "&app=" + app).page();
        assertEquals(List.of("Nobody's crash"), urgent.select("tbody tr[data-id] .cell-description").eachText());
        assertEquals("P1,P2", urgent.selectFirst("select#priority option[selected]").text(),
                "the form keeps both priorities");
        assertEquals("(nobody)", urgent.selectFirst("input#assignee").val());
    }

    @Test
    void aCountPastAThousandShowsAsMoreThanAThousandInBothLanguages() {
        String app = Arrivals.unique("cli_many_");
        for (int i = 0; i <= MatchCount.CAP; i++) {
            Arrivals.fault(web.store(), app, FaultKind.CRASH, "Crash number " + i, Instant.now());
        }
        WebServer.Visitor alice = member("alice");

        Document english = alice.get("/?app=" + app + "&q=Crash").page();
        Document chinese = alice.get("/?app=" + app + "&q=Crash", "Accept-Language", "zh-CN").page();

        assertEquals("Change all matching this filter (more than 1,000)",
                english.selectFirst("button[name=scope][value=filter]").text());
        assertEquals("1,000+", english.select(".views li > a .count").get(1).text(), "Unassigned P1/P2");
        assertEquals("修改符合此筛选的全部（超过 1,000 条）", chinese.selectFirst("button[name=scope][value=filter]").text());
        assertEquals("1,000+ 条", chinese.select(".views li > a .count").get(1).text());
        assertEquals("Change all 1 matching this filter", alice.get("/?app=" + app + "&q=number+1000").page()
                .selectFirst("button[name=scope][value=filter]").text(), "a count under the cap is exact");
    }

    @Test
    void aPersonSavesTheShownFilterAsAViewSeesItsCountAndDeletesIt() {
        String app = Arrivals.unique("cli_saved_");
        Arrivals.fault(web.store(), app, FaultKind.CRASH, "It crashes", Instant.now());
        Arrivals.fault(web.store(), app, FaultKind.SLOW_PAGE_LOAD, "It is slow", Instant.now());
        Arrivals.fault(web.store(), app, FaultKind.CRASH, "It crashes again", Instant.now());
        WebServer.Visitor dave = member("dave" + app);
        Document filtered = dave.get("/?app=" + app + "&priority=P1").page();
        String filter = filtered.selectFirst(".save-view input[name=filter]").val();
        assertEquals("priority=P1&app=" + app, filter);

        Reply saved = dave.post("/views", WebServer.form("name", "Crashes 崩溃", "filter", filter));

        assertEquals(303, saved.status());
        assertEquals("/?" + filter, saved.location());
        Element view = dave.get("/").page().selectFirst(".views li:has(.view-name:containsOwn(Crashes 崩溃))");
        assertNotNull(view, "listed among the views");
        assertEquals("2", view.selectFirst(".count").text());
        assertEquals("/?" + filter, view.selectFirst("a").attr("href"));
        assertEquals("Delete view Crashes 崩溃", view.selectFirst("button").attr("aria-label"));
        assertTrue(member("erin" + app).get("/").page().select(".views .view-name:containsOwn(Crashes 崩溃)")
                .isEmpty(), "a view is its owner's alone");

        Reply deleted = dave.post("/views/delete", WebServer.form("name", "Crashes 崩溃"));

        assertEquals(303, deleted.status());
        assertTrue(dave.get("/").page().select(".views .view-name:containsOwn(Crashes 崩溃)").isEmpty());
    }

    @Test
    void aViewWithoutANameIsNotSavedAndThePageSaysWhy() {
        WebServer.Visitor alice = member("alice");

        Reply reply = alice.post("/views", WebServer.form("name", " ", "filter", "priority=P1"));

        assertEquals(200, reply.status());
        assertEquals("Not saved: a view’s name is 1 to 60 characters, on one line.",
                reply.page().selectFirst("main [role=alert]").text());
        assertEquals("/?priority=P1", reply.page().selectFirst("main a").attr("href"));
    }

    @Test
    void aViewPostedWithoutTheFormTokenIsRefused() {
        WebServer.Visitor alice = member("alice");

        Reply reply = alice.post("/views", WebServer.form("csrf", "forged", "name", "x", "filter", ""));

        assertEquals(403, reply.status());
    }

    @Test
    void aFeedbacksVersionIsWhatItsPageAsksToKnowWhetherSomeoneElseChangedIt() {
        String app = Arrivals.unique("cli_version_");
        String id = Arrivals.fault(web.store(), app, FaultKind.CRASH, "It crashes", Instant.now());
        WebServer.Visitor alice = member("alice");
        Document page = alice.get("/feedback/" + id).page();
        assertEquals("1", page.selectFirst("form.work input[name=version]").val());
        assertTrue(page.selectFirst("#stale-notice").hasAttr("hidden"), "nothing to tell yet");
        assertEquals("1", alice.get("/feedback/" + id + "/version").body());

        web.bean(WorkflowService.class).work(new WorkFeedbackCommand(id, null, "bob", null, null, 1L,
                Actor.user("bob")));

        assertEquals("2", alice.get("/feedback/" + id + "/version").body());
        assertEquals(404, alice.get("/feedback/no-such/version").status());
        assertEquals(303, web.anonymous().get("/feedback/" + id + "/version").status());
    }

    /** A member of the team signed in as the sign-in with Lark does: each their own person, with their own choices. */
    private static WebServer.Visitor member(String name) {
        return web.signIn(new Person(name, name, null, Role.MEMBER));
    }
}
