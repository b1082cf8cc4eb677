package dev.larkinbox.inbound.web.inbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.larkinbox.domain.feedback.FaultKind;
import dev.larkinbox.domain.inbox.FeedbackFilter;
import dev.larkinbox.domain.inbox.FeedbackStatus;
import dev.larkinbox.domain.workflow.Actor;
import dev.larkinbox.domain.workflow.WorkFeedback;
import dev.larkinbox.domain.workflow.WorkFeedbackCommand;
import dev.larkinbox.inbound.web.support.Arrivals;
import dev.larkinbox.inbound.web.support.WebServer;
import dev.larkinbox.inbound.web.support.WebServer.Reply;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Bulk changes from the inbox: tick rows or take all a filter matches, read how many will change, confirm. */
class BulkPageTest {
    @RegisterExtension
    static final WebServer web = WebServer.start();

    private final WebServer.Visitor alice = web.signIn("alice");

    @Test
    void ticksThreeRowsReadsThatThreeWillChangeAndWhyTheFourthWillNotThenConfirms() {
        String app = Arrivals.unique("cli_bulk_");
        List<String> ids = List.of(arrive(app, "白屏 一"), arrive(app, "白屏 二"), arrive(app, "白屏 三"),
                arrive(app, "白屏 四"));
        web.bean(WorkFeedback.class).work(new WorkFeedbackCommand(ids.get(3), FeedbackStatus.CLOSED, null, null,
                null, null, Actor.user("bob")));
        Document inbox = alice.get("/?app=" + app).page();
        for (String line : List.of("白屏 一", "白屏 二", "白屏 三", "白屏 四")) {
            inbox.selectFirst("input[type=checkbox][aria-label=Select “" + line + "”]").attr("checked", "checked");
        }
        inbox.selectFirst("select#to-status option[value=resolved]").attr("selected", "selected");
        inbox.selectFirst("input#bulk-note").attr("value", "fixed in 2.1");

        Document confirmation = alice.submit(inbox.getElementById("bulk"),
                inbox.selectFirst("button[value=selected]")).page();

        assertEquals("This will change 3 feedback.", confirmation.select("main p").get(0).text());
        assertEquals(List.of("status to resolved"), confirmation.select("ul[aria-labelledby=the-change] li")
                .eachText());
        assertEquals("The change does not apply to 1:", confirmation.selectFirst("#not-applied").text());
        assertEquals(ids.get(3) + ": closed can only go to acknowledged",
                confirmation.selectFirst("section[aria-labelledby=not-applied] li").text());
        assertEquals(FeedbackStatus.NEW, web.store().find(ids.get(0)).orElseThrow().status(), "nothing yet");

        Element confirm = confirmation.selectFirst("main form[method=post] button");
        assertEquals("Change 3 feedback", confirm.text());
        Document done = alice.submit(confirm.closest("form"), confirm).page();

        assertEquals("Changed 3 feedback.", done.selectFirst("[role=status]").text());
        for (String id : ids.subList(0, 3)) {
            assertEquals(FeedbackStatus.RESOLVED, web.store().find(id).orElseThrow().status());
            assertEquals("fixed in 2.1", web.store().history(id).get(0).note());
        }
        assertEquals(FeedbackStatus.CLOSED, web.store().find(ids.get(3)).orElseThrow().status());
    }

    @Test
    void allMatchingTheFilterAreCountedOnTheButtonAndChangedWhateverPageTheyAreOn() {
        String app = Arrivals.unique("cli_bulk_");
        for (int n = 0; n < 55; n++) {
            arrive(app, "卡顿 " + n);
        }
        Document inbox = alice.get("/?app=" + app + "&status=new").page();
        Element all = inbox.selectFirst("button[value=filter]");
        assertEquals("Change all 55 matching this filter", all.text());
        inbox.selectFirst("input#to-assignee").attr("value", "carol");

        Document confirmation = alice.submit(inbox.getElementById("bulk"), all).page();
        assertEquals("This will change 55 feedback.", confirmation.select("main p").get(0).text());
        Element confirm = confirmation.selectFirst("main form[method=post] button");
        Document done = alice.submit(confirm.closest("form"), confirm).page();

        assertEquals("Changed 55 feedback.", done.selectFirst("[role=status]").text());
        assertEquals("/?status=new&app=" + app, done.selectFirst("main > p:last-of-type a").attr("href"));
        assertEquals(55, web.store().count(new FeedbackFilter(app, Set.of(), Set.of(), null, "carol", null)));
    }

    @Test
    void aBulkFormWithoutATickOrAChangeSaysSoAndAConfirmationWithoutTheSessionsTokenIsRefused() {
        String app = Arrivals.unique("cli_bulk_");
        String id = arrive(app, "闪退");
        Document inbox = alice.get("/?app=" + app).page();

        Document noTick = alice.submit(inbox.getElementById("bulk"), inbox.selectFirst("button[value=selected]"))
                .page();
        inbox.selectFirst("input[type=checkbox]").attr("checked", "checked");
        Document noChange = alice.submit(inbox.getElementById("bulk"), inbox.selectFirst("button[value=selected]"))
                .page();
        Reply forged = alice.post("/bulk", WebServer.form("csrf", "forged", "id", id, "scope", "selected",
                "toStatus", "resolved"));

        assertEquals("Nothing changed: tick the feedback to change, or change all matching the filter.",
                noTick.selectFirst("[role=alert]").text());
        assertEquals("Nothing changed: choose a new status, assignee or priority.",
                noChange.selectFirst("[role=alert]").text());
        assertNull(noChange.selectFirst("main form[method=post]"));
        assertEquals(403, forged.status());
        assertEquals(FeedbackStatus.NEW, web.store().find(id).orElseThrow().status());
    }

    @Test
    void theDownloadLinkCarriesTheFilterAndGivesItsFeedbackAsCsv() {
        String app = Arrivals.unique("cli_bulk_");
        String id = arrive(app, "=1+1 公式");
        arrive(Arrivals.unique("cli_other_"), "another app");
        Element link = alice.get("/?app=" + app + "&status=new").page().selectFirst("a[download]");
        assertEquals("Download CSV", link.text());
        assertEquals("false", link.attr("hx-boost"));

        Reply csv = alice.get(link.attr("href"));

        assertEquals(200, csv.status());
        assertTrue(csv.headers().firstValue("Content-Type").orElseThrow().startsWith("text/csv"));
        String[] lines = csv.body().split("\r\n");
        assertEquals(2, lines.length, csv.body());
        assertTrue(lines[0].startsWith("\uFEFFfeedback_id,"));
        assertTrue(lines[1].startsWith(id + ","));
        assertTrue(lines[1].contains(",\"'=1+1 公式\","), lines[1]);
        assertEquals(400, alice.get("/feedback.csv?priority=P9").status());
    }

    private static String arrive(String app, String description) {
        return Arrivals.fault(web.store(), app, FaultKind.CRASH, description, Instant.now());
    }
}
