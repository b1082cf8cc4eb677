package dev.larkinbox.inbound.web.inbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.larkinbox.domain.feedback.FaultKind;
import dev.larkinbox.inbound.web.support.Arrivals;
import dev.larkinbox.inbound.web.support.WebServer;
import dev.larkinbox.inbound.web.support.WebServer.Reply;
import java.time.Instant;
import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The inbox page: its list, its filters, what it says of a filter it cannot use. Each test reads its own app. */
class InboxPageTest {
    @RegisterExtension
    static final WebServer web = WebServer.start();

    private final WebServer.Visitor alice = web.signIn("alice");

    @Test
    void listsTheAppsFeedbackNewestFirstEachLinkedToItsPage() {
        String app = Arrivals.unique("cli_inbox_");
        String older = Arrivals.fault(web.store(), app, FaultKind.SLOW_PAGE_LOAD, "The cart is slow\nsecond line",
                Instant.parse("2024-05-01T08:00:00Z"));
        String newer = Arrivals.fault(web.store(), app, FaultKind.CRASH, "It crashes at checkout",
                Instant.parse("2024-05-02T08:00:00Z"));

        Reply reply = alice.get("/?app=" + app);

        assertEquals(200, reply.status());
        Document page = reply.page();
        assertEquals("Inbox", page.selectFirst("h1").text());
        assertEquals("Signed in as alice", page.selectFirst("form[action=/sign-out] span").text());
        List<Element> rows = page.select("table caption:containsOwn(Feedback) ~ tbody tr");
        assertEquals(List.of("It crashes at checkout", "The cart is slow"),
                rows.stream().map(r -> r.select("td").get(4).text()).toList());
        assertEquals("/feedback/" + newer, rows.get(0).selectFirst("a").attr("href"));
        assertEquals("/feedback/" + older, rows.get(1).selectFirst("a").attr("href"));
        assertEquals("P1", rows.get(0).select("td").get(0).text(), "a crash is triaged P1");
        assertEquals(app, page.selectFirst("input#app").val(), "the filter keeps what the URL asked for");
    }

    @Test
    void theViewsAndWhatTheFilterMatchesAreCountedInOneReadHoweverManyViewsThereAre() {
        String app = Arrivals.unique("cli_inbox_");
        Arrivals.fault(web.store(), app, FaultKind.CRASH, "It crashes", Instant.parse("2024-05-01T08:00:00Z"));
        WebServer.Visitor viewer = web.signIn("viewer" + app);
        for (String priority : List.of("P1", "P2", "P3")) {
            assertEquals(303, viewer.post("/views", WebServer.form("name", priority, "filter",
                    "priority=" + priority + "&app=" + app)).status());
        }
        int before = web.store().countReads();

        Document page = viewer.get("/?app=" + app).page();

        assertEquals(1, web.store().countReads() - before, "the live inbox renders this every few seconds");
        assertEquals(List.of("1", "0", "0"), page.select(".views li:has(form.delete-view) .count").eachText());
        assertTrue(page.selectFirst("button:containsOwn(Change all 1 matching)") != null, page.select("button")
                .eachText().toString());
    }

    @Test
    void filtersByPriorityAndSaysSoWhenNothingMatches() {
        String app = Arrivals.unique("cli_inbox_");
        Arrivals.fault(web.store(), app, FaultKind.CRASH, "It crashes", Instant.parse("2024-05-01T08:00:00Z"));

        Document page = alice.get("/?app=" + app + "&priority=P4").page();

        assertEquals("No feedback matches these filters.", page.selectFirst("tbody tr").text());
        assertEquals("P4", page.selectFirst("select#priority option[selected]").text());
    }

    @Test
    void aFilterThatCannotBeUsedIsKeptInTheFormWithTheReasonAndFiltersNothing() {
        String app = Arrivals.unique("cli_inbox_");
        Arrivals.fault(web.store(), app, FaultKind.CRASH, "It crashes", Instant.parse("2024-05-01T08:00:00Z"));

        Reply reply = alice.get("/?app=" + app + "&type=bug&cursor=not-a-cursor");

        assertEquals(200, reply.status());
        Document page = reply.page();
        assertEquals(List.of("Type must be fault or suggestion.",
                        "That page link is not one of this inbox: showing the first page."),
                page.select("[role=alert] li").eachText());
        assertEquals(1, page.select("tbody tr a").size(), "the app's feedback, unfiltered by the type");
    }

    @Test
    void aDescriptionHoldingMarkupIsShownAsTextNeverRunAsScript() {
        String app = Arrivals.unique("cli_inbox_");
        String evil = "<script>alert('inbox')</script><img src=x onerror=alert(1)>";
        Arrivals.fault(web.store(), app, FaultKind.CRASH, evil, Instant.parse("2024-05-01T08:00:00Z"));

        Reply reply = alice.get("/?app=" + app);

        Document page = reply.page();
        assertEquals(evil, page.selectFirst("tbody tr a").text());
        assertTrue(page.select("main script, main img").isEmpty(), "no element made of the description");
        assertFalse(reply.body().contains("<script>alert"));
    }

    @Test
    void withoutASessionThePersonIsSentToSignIn() {
        Reply reply = web.anonymous().get("/");

        assertEquals(303, reply.status());
        assertEquals("/sign-in", reply.location());
    }
}
