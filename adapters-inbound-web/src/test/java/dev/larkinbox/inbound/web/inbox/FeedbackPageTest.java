package dev.larkinbox.inbound.web.inbox;

import static dev.larkinbox.inbound.web.support.WebServer.form;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.larkinbox.domain.feedback.FaultKind;
import dev.larkinbox.domain.inbox.FeedbackStatus;
import dev.larkinbox.domain.inbox.TriagedFeedback;
import dev.larkinbox.domain.reason.Reason;
import dev.larkinbox.domain.reply.SentMessage;
import dev.larkinbox.inbound.web.support.Arrivals;
import dev.larkinbox.inbound.web.support.WebServer;
import dev.larkinbox.inbound.web.support.WebServer.Reply;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** One feedback's page: what the user wrote, its triage and history, and the form that works it. */
class FeedbackPageTest {
    @RegisterExtension
    static final WebServer web = WebServer.start();

    private final WebServer.Visitor alice = web.signIn("alice");

    @Test
    void showsWhatTheUserWroteItsFieldsItsTriageAndAnEmptyHistory() {
        String id = arrives("打开小程序后白屏\n第二行");

        Document page = alice.get("/feedback/" + id).page();

        assertEquals("Feedback " + id, page.selectFirst("h1").text());
        assertEquals("打开小程序后白屏\n第二行", page.selectFirst("blockquote.description").wholeText());
        assertEquals("https://example.com/screenshot.png", page.selectFirst("ul[aria-label=Images] a").attr("href"));
        assertTrue(page.select("dl.fields dd").eachText().contains("Tenant One"), page.select("dl.fields").text());
        assertEquals("Triage: P1, stability", page.selectFirst("h2#triage-title").text());
        List<String> ids = page.select("[id]").eachAttr("id");
        assertEquals(ids.size(), Set.copyOf(ids).size(), "each id once, so that each section is named by its "
                + "heading: " + ids);
        assertEquals("Triage: P1, stability", page.getElementById(page.selectFirst("section:has(h2#triage-title)")
                .attr("aria-labelledby")).text(), "the triage's section named by its heading");
        assertEquals("not grouped yet", page.selectFirst("main > p span").text());
        assertEquals("Nobody has changed it yet.", history(page).get(0).text());
        assertEquals("new", page.selectFirst("select#status option[selected]").text());
    }

    @Test
    void aSavedChangeSendsThePersonBackToThePageWhichSaysSoAndShowsItInTheHistory() {
        String id = arrives("It crashes at checkout");

        Reply saved = alice.post("/feedback/" + id, form("version", "1", "status", "acknowledged",
                "assignee", "bob", "priority", "P1", "note", "looking at it"));

        assertEquals(303, saved.status(), saved.body());
        assertEquals("/feedback/" + id + "?saved", saved.location());
        Document page = alice.get(saved.location()).page();
        assertEquals("Saved.", page.selectFirst("[role=status]").text());
        Element change = history(page).get(0);
        assertEquals(List.of("alice", "new", "acknowledged", "nobody → bob", "", "looking at it"),
                change.select("td").stream().map(Element::text).toList().subList(1, 7));
        assertEquals("bob", page.selectFirst("input#assignee").val());
    }

    @Test
    void aFormMadeOnAnOlderVersionIsRefusedWithTheReasonAndChangesNothing() {
        String id = arrives("It crashes at checkout");
        assertEquals(303, alice.post("/feedback/" + id, form("version", "1", "status", "acknowledged")).status());

        Reply stale = alice.post("/feedback/" + id, form("version", "1", "status", "in_progress"));

        assertEquals(200, stale.status());
        assertTrue(stale.page().selectFirst("[role=alert]").text().startsWith(
                "Not saved: someone else changed this feedback meanwhile."), stale.body());
        assertEquals(FeedbackStatus.ACKNOWLEDGED, stored(id).status());
    }

    @Test
    void aFormThatLostItsVersionOrChangesNothingSaysSoAndChangesNothing() {
        String id = arrives("It crashes at checkout");

        Reply lost = alice.post("/feedback/" + id, form("version", "", "status", "acknowledged"));
        Reply nothing = alice.post("/feedback/" + id, form("version", "1", "status", "new", "priority", "P1"));

        assertEquals("Not saved: the form lost the version it was made on; reload the page.",
                lost.page().selectFirst("[role=alert]").text());
        assertEquals("Nothing to save: you changed nothing.", nothing.page().selectFirst("[role=status]").text());
        assertEquals(FeedbackStatus.NEW, stored(id).status());
        assertEquals(1, stored(id).version());
    }

    @Test
    void aStatusTheWorkflowDoesNotAllowIsRefusedWithTheReason() {
        String id = arrives("It crashes at checkout");
        assertEquals(303, alice.post("/feedback/" + id, form("version", "1", "status", "in_progress")).status());

        Reply refused = alice.post("/feedback/" + id, form("version", "2", "status", "acknowledged"));

        assertEquals(200, refused.status());
        assertEquals("Not saved: in_progress can only go to resolved or closed.",
                refused.page().selectFirst("[role=alert]").text());
        assertEquals(FeedbackStatus.IN_PROGRESS, stored(id).status());
    }

    @Test
    void aChineseReaderReadsWhyItWasTriagedAndWhyAStatusIsRefusedInChinese() {
        String id = arrives("It crashes at checkout");
        assertEquals(303, alice.post("/feedback/" + id, form("version", "1", "status", "in_progress")).status());

        Document page = alice.get("/feedback/" + id, "Accept-Language", "zh-CN").page();
        Reply refused = alice.post("/feedback/" + id, form("version", "2", "status", "acknowledged"),
                Map.of("Accept-Language", "zh-CN"));

        assertEquals(List.of("崩溃为 P1（稳定性）"), page.select("ul[aria-label=分拣理由] li").eachText());
        assertEquals("未保存：处理中只能改为已解决或已关闭。", refused.page().selectFirst("[role=alert]").text());
        assertEquals(List.of("crash is P1 (stability)"), alice.get("/feedback/" + id).page()
                .select("ul[aria-label=Triage reasons] li").eachText(), "in English to an English reader");
    }

    @Test
    void aNewReportOffersEveryStatusAheadAndIsResolvedInOneSave() {
        String id = arrives("It crashes at checkout");
        assertEquals(List.of("new", "acknowledged", "in_progress", "resolved", "closed"),
                alice.get("/feedback/" + id).page().select("select#status option").eachText());

        Reply saved = alice.post("/feedback/" + id, form("version", "1", "status", "resolved", "note", "known"));

        assertEquals(303, saved.status(), saved.body());
        assertEquals(FeedbackStatus.RESOLVED, stored(id).status());
        Element change = history(alice.get(saved.location()).page()).get(0);
        assertEquals(List.of("new", "resolved"), change.select("td").stream().map(Element::text).toList().subList(2, 4));
    }

    @Test
    void aFormPostedWithoutTheSessionsTokenIsRefusedAndChangesNothing() {
        String id = arrives("It crashes at checkout");

        Reply forged = alice.post("/feedback/" + id, form("csrf", "forged", "version", "1", "status", "acknowledged"));
        Reply none = web.anonymous().post("/feedback/" + id, form("version", "1", "status", "acknowledged"));

        assertEquals(403, forged.status());
        assertTrue(forged.body().contains("This form did not come from a page of this inbox."), forged.body());
        assertEquals(303, none.status(), "without a session: to the sign-in page");
        assertEquals("/sign-in", none.location());
        assertEquals(FeedbackStatus.NEW, stored(id).status());
    }

    @Test
    void aFeedbackThatIsNotThereIsAPageSayingSo() {
        Reply missing = alice.get("/feedback/" + Arrivals.unique("fb_missing_"));

        assertEquals(404, missing.status());
        assertEquals("No such feedback", missing.page().selectFirst("h1").text());
        assertEquals("/", missing.page().selectFirst("main a").attr("href"));
    }

    @Test
    void aDescriptionAndANoteHoldingMarkupAreShownAsText() {
        String evil = "<script>alert('description')</script>";
        String id = arrives(evil);
        alice.post("/feedback/" + id, form("version", "1", "status", "acknowledged", "note", "<b onclick=x>note</b>"));

        Reply reply = alice.get("/feedback/" + id);

        Document page = reply.page();
        assertEquals(evil, page.selectFirst("blockquote.description").text());
        assertEquals("<b onclick=x>note</b>", history(page).get(0).select("td").get(6).text());
        assertTrue(page.select("main script, main b").isEmpty(), "no element made of what a person wrote");
        assertFalse(reply.body().contains("<script>alert"));
    }

    @Test
    void aChineseReaderReadsWhyAMessageToTheReporterWasNotDeliveredInChinese() {
        String id = arrives("It crashes at checkout");
        assertEquals(303, alice.post("/feedback/" + id + "/replies", form("text", "We are on it")).status());
        assertEquals(303, alice.post("/feedback/" + id + "/replies", form("text", "Fixed")).status());
        List<SentMessage> messages = web.store().reporters().messages(id);
        web.store().reporters().abandon(messages.get(0).id(), Instant.parse("2024-05-01T09:00:00Z"),
                Reason.of("lark.refused.outside-availability", 230013));
        // as a message given up before reasons had keys is read back
        String before = "Lark refused the request with code 230013: the reporter is outside the app's availability range";
        web.store().reporters().abandon(messages.get(1).id(), Instant.parse("2024-05-01T09:00:00Z"),
                Reason.verbatim(before));

        Document page = alice.get("/feedback/" + id, "Accept-Language", "zh-CN").page();

        assertEquals(List.of("未送达：飞书以错误码 230013 拒绝了请求：反馈人不在应用的可用范围内", "未送达：" + before),
                page.select("section#reporter tbody tr td:last-child").eachText());
        assertEquals("not delivered: " + before, alice.get("/feedback/" + id).page()
                .selectFirst("section#reporter tbody tr td:last-child").text(), "in English for an English reader");
    }

    @Test
    void aChineseReaderReadsTheRuleAReplyOrAChangeBreaksInChinese() {
        String id = arrives("It crashes at checkout");

        Reply blank = alice.post("/feedback/" + id + "/replies", form("text", "  "), Map.of("Accept-Language", "zh-CN"));
        Reply unexplained = alice.post("/feedback/" + id, form("version", "1", "priority", "P3"),
                Map.of("Accept-Language", "zh-CN"));

        assertEquals("未发送：回复不能为空，最多 1977 个字符。", blank.page().selectFirst("[role=alert]").text());
        assertEquals("未保存：改动优先级需要写明理由。", unexplained.page().selectFirst("[role=alert]").text());
        assertEquals("Not saved: overriding the priority needs a reason.", alice.post("/feedback/" + id,
                form("version", "1", "priority", "P3")).page().selectFirst("[role=alert]").text());
    }

    private static String arrives(String description) {
        return Arrivals.fault(web.store(), Arrivals.unique("cli_feedback_"), FaultKind.CRASH, description,
                Instant.parse("2024-05-01T08:00:00Z"));
    }

    private static TriagedFeedback stored(String id) {
        return web.store().find(id).orElseThrow();
    }

    private static List<Element> history(Document page) {
        return page.select("section[aria-labelledby=history-title] tbody tr");
    }
}
