package dev.larkinbox.inbound.web.revocation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.larkinbox.domain.testing.SampleEvents;
import dev.larkinbox.inbound.web.support.Arrivals;
import dev.larkinbox.inbound.web.support.WebServer;
import java.time.Instant;
import java.util.List;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The revocations page: the app's revoked versions, newest first, filtered as the URL says. */
class RevocationsPageTest {
    @RegisterExtension
    static final WebServer web = WebServer.start();

    private final WebServer.Visitor alice = web.signIn("alice");

    @Test
    void listsTheAppsRevocationsNewestFirstWithWhoRevokedThem() {
        String app = Arrivals.unique("cli_revoked_");
        revoke(app, "oav_1", "2024-05-01T08:00:00Z");
        revoke(app, "oav_2", "2024-05-02T08:00:00Z");

        Document page = alice.get("/revocations?app=" + app).page();

        assertEquals("Revocations", page.selectFirst("h1").text());
        assertEquals(List.of(List.of("oav_2", app, "ou_operator", "on 2024-05-02"),
                        List.of("oav_1", app, "ou_operator", "on 2024-05-01")),
                page.select("tbody tr").stream().map(r -> r.select("td").eachText().subList(0, 4)).toList());
        // the exact time on hover, on the default clock of a browser that told none: Asia/Shanghai
        assertEquals(List.of("2024-05-02 16:00:00 +08:00 (Asia/Shanghai)",
                        "2024-05-01 16:00:00 +08:00 (Asia/Shanghai)"),
                page.select("tbody tr td:eq(3) time").eachAttr("title"));
        assertEquals(List.of("2024-05-02T08:00:00Z", "2024-05-01T08:00:00Z"),
                page.select("tbody tr td:eq(3) time").eachAttr("datetime"));
        assertEquals(app, page.selectFirst("input#app").val());
    }

    @Test
    void filtersByVersionAndSaysSoWhenNothingMatches() {
        String app = Arrivals.unique("cli_revoked_");
        revoke(app, "oav_1", "2024-05-01T08:00:00Z");

        Document one = alice.get("/revocations?app=" + app + "&version=oav_1").page();
        Document none = alice.get("/revocations?app=" + app + "&version=oav_9").page();

        assertEquals(1, one.select("tbody tr").size());
        assertEquals("No revocations match these filters.", none.selectFirst("tbody tr").text());
    }

    @Test
    void aPageLinkThatIsNotOneOfThisHistoryShowsTheFirstPageWithTheReason() {
        Document page = alice.get("/revocations?cursor=forged").page();

        assertEquals("That page link is not one of this history: showing the first page.",
                page.selectFirst("[role=alert] li").text());
    }

    private static void revoke(String app, String version, String at) {
        web.store().append(SampleEvents.revocation(Arrivals.unique("ev_"), app, version, Instant.parse(at),
                Instant.parse(at)));
    }
}
