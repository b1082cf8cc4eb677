package dev.larkinbox.inbound.web.people;

import static dev.larkinbox.inbound.web.support.WebServer.form;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.larkinbox.domain.feedback.FaultKind;
import dev.larkinbox.domain.inbox.FeedbackStatus;
import dev.larkinbox.domain.person.People;
import dev.larkinbox.domain.person.Person;
import dev.larkinbox.domain.person.Role;
import dev.larkinbox.domain.problem.GroupNewFeedback;
import dev.larkinbox.domain.problem.GroupNewFeedbackCommand;
import dev.larkinbox.inbound.web.support.Arrivals;
import dev.larkinbox.inbound.web.support.WebServer;
import dev.larkinbox.inbound.web.support.WebServer.Reply;
import java.time.Instant;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Roles hold on the pages: viewers read, members work, admins also manage people and merge problems. */
class RolesPageTest {
    @RegisterExtension
    static final WebServer web = WebServer.start();

    @Test
    void aViewerReadsAFeedbackWithoutAnyControlToChangeItAndAPostIsRefused() {
        String id = arrives();
        WebServer.Visitor viewer = web.signIn(new Person(Arrivals.unique("ou_viewer_"), "Vera", null, Role.VIEWER));

        Document page = viewer.get("/feedback/" + id).page();
        assertEquals("Feedback " + id, page.selectFirst("h1").text());
        assertTrue(page.select("button").eachText().stream().noneMatch(t -> t.equals("Save")
                || t.equals("Send reply")), page.select("button").eachText().toString());

        Reply refused = viewer.post("/feedback/" + id, form("version", "1", "status", "acknowledged"));
        assertEquals(403, refused.status());
        assertTrue(refused.body().startsWith("You are a viewer: you may read the inbox, not change it."),
                refused.body());
        assertEquals(FeedbackStatus.NEW, web.store().find(id).orElseThrow().status());
    }

    @Test
    void aMemberWorksFeedbackAndIsRecordedByNameButCannotMergeNorManagePeople() {
        String id = arrives();
        Person member = new Person(Arrivals.unique("ou_member_"), "Mia Member", null, Role.MEMBER);
        WebServer.Visitor mia = web.signIn(member);

        Document feedback = mia.get("/feedback/" + id).page();
        assertNotNull(feedback.selectFirst("datalist#assignees option[value=" + member.openId() + "]"),
                "she is among those a feedback can be assigned to");
        assertEquals(303, mia.post("/feedback/" + id, form("version", "1", "status", "acknowledged",
                "assignee", member.openId())).status());
        Document page = mia.get("/feedback/" + id).page();
        assertEquals("Mia Member", page.selectFirst("section[aria-labelledby=history-title] tbody td:nth-child(2)")
                .text(), "the history shows her name, not her open_id");
        assertEquals(member.actor(), web.store().history(id).get(0).actor());

        String problem = problem();
        Document problemPage = mia.get("/problems/" + problem).page();
        assertNotNull(problemPage.selectFirst("form[action$=/problems/" + problem + "]"), "she may move it");
        assertNull(problemPage.selectFirst("form[action$=/merge]"), "no merge control");
        assertEquals(403, mia.post("/problems/" + problem + "/merge", form("into", problem())).status());
        assertEquals(403, mia.get("/people").status());
        assertNull(mia.get("/").page().selectFirst("nav a[href=/people]"));
    }

    @Test
    void anAdminChangesARoleWhichCountsAtThePersonsNextRequest() {
        String id = arrives();
        Person viewer = new Person(Arrivals.unique("ou_viewer_"), "Vic", null, Role.VIEWER);
        WebServer.Visitor vic = web.signIn(viewer);
        WebServer.Visitor admin = web.signIn(new Person(Arrivals.unique("ou_admin_"), "Ada", null, Role.ADMIN));

        Document people = admin.get("/people").page();
        assertEquals("People", people.selectFirst("h1").text());
        assertTrue(people.select("tbody td").eachText().contains("Vic"), people.select("tbody").text());
        Reply saved = admin.post("/people/role", form("openId", viewer.openId(), "role", "member"));

        assertEquals(303, saved.status());
        assertEquals(Role.MEMBER, web.bean(People.class).find(viewer.openId()).orElseThrow().role());
        assertEquals(303, vic.post("/feedback/" + id, form("version", "1", "status", "acknowledged")).status(),
                "his session has his new role");
    }

    @Test
    void anAdminCannotChangeTheirOwnRole() {
        Person ada = new Person(Arrivals.unique("ou_admin_"), "Ada", null, Role.ADMIN);
        WebServer.Visitor admin = web.signIn(ada);

        Reply refused = admin.post("/people/role", form("openId", ada.openId(), "role", "viewer"));

        assertEquals("/people?refused", refused.location());
        assertEquals(Role.ADMIN, web.bean(People.class).find(ada.openId()).orElseThrow().role());
        assertEquals("You cannot change your own role: ask another admin.",
                admin.get(refused.location()).page().selectFirst("[role=alert]").text());
    }

    @Test
    void everyPageLinksToThePersonsApiTokensAndSessions() {
        WebServer.Visitor viewer = web.signIn(new Person(Arrivals.unique("ou_viewer_"), "Vera", null, Role.VIEWER));

        for (String path : new String[] {"/", "/problems", "/revocations", "/dashboard", "/me/sessions"}) {
            Document page = viewer.get(path).page();
            assertEquals("API tokens", page.selectFirst("nav a[href=/me/tokens]").text(), path);
            assertEquals("Signed in as Vera", page.selectFirst("form[action=/sign-out] span").text(), path);
        }
    }

    @Test
    void onlyAnAdminsSessionOpensTheOperatorsEndpoints() {
        WebServer.Visitor member = web.signIn(new Person(Arrivals.unique("ou_member_"), "Mo", null, Role.MEMBER));
        WebServer.Visitor admin = web.signIn(new Person(Arrivals.unique("ou_admin_"), "Ada", null, Role.ADMIN));

        assertEquals(401, member.get("/prometheus").status());
        assertEquals(404, admin.get("/prometheus").status(), "let through: nothing serves it in this test");
    }

    private static String arrives() {
        return Arrivals.fault(web.store(), Arrivals.unique("cli_roles_"), FaultKind.CRASH, "It crashes",
                Instant.parse("2024-05-01T08:00:00Z"));
    }

    private static String problem() {
        String id = Arrivals.fault(web.store(), Arrivals.unique("cli_roles_"), FaultKind.SLOW_PAGE_LOAD, "Slow cart",
                Instant.now());
        web.bean(GroupNewFeedback.class).group(new GroupNewFeedbackCommand(GroupNewFeedbackCommand.MAX_BATCH));
        return web.store().find(id).orElseThrow().problemId();
    }
}
