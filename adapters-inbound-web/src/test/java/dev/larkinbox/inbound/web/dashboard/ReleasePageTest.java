package dev.larkinbox.inbound.web.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.larkinbox.domain.event.UserRef;
import dev.larkinbox.domain.inbox.FeedbackStatus;
import dev.larkinbox.domain.inbox.InboxSummary;
import dev.larkinbox.domain.release.Release;
import dev.larkinbox.domain.release.ReleaseProblem;
import dev.larkinbox.domain.triage.Priority;
import dev.larkinbox.domain.version.AppVersion;
import dev.larkinbox.domain.version.VersionEvent;
import dev.larkinbox.domain.version.VersionEventKind;
import dev.larkinbox.inbound.web.support.Arrivals;
import dev.larkinbox.inbound.web.support.StubReleases;
import dev.larkinbox.inbound.web.support.WebServer;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A release's page: when the version was the newest, what came meanwhile, and the feedback per day around it. */
class ReleasePageTest {
    @RegisterExtension
    static final WebServer web = WebServer.start();

    private static final Instant APPLIED = Instant.parse("2024-05-03T09:00:00Z");

    @Test
    void showsWhenTheVersionWasTheNewestItsProblemsAndRegressionsAndAChartOfTheDaysAroundIt() {
        String app = Arrivals.unique("cli_release_");
        AppVersion version = new AppVersion(app, "oav_21", "2.1.0", List.of(
                new VersionEvent("ev-1", VersionEventKind.APPLIED, APPLIED, UserRef.NONE, null),
                new VersionEvent("ev-2", VersionEventKind.REVOKED, APPLIED.plusSeconds(86_400 * 2), UserRef.NONE,
                        null)));
        web.bean(StubReleases.class).show(new Release(version,
                List.of(new Release.Period(APPLIED, APPLIED.plusSeconds(86_400 * 2))),
                List.of(new ReleaseProblem("pb-1", "白屏 on the cart", 4, FeedbackStatus.NEW, Priority.P1,
                        APPLIED.plusSeconds(3600))),
                List.of(new ReleaseProblem("pb-2", null, 9, FeedbackStatus.ACKNOWLEDGED, Priority.P2,
                        APPLIED.plusSeconds(7200))),
                List.of(new InboxSummary.Day(LocalDate.parse("2024-05-02"), Map.of(Priority.P3, 2L)),
                        new InboxSummary.Day(LocalDate.parse("2024-05-03"), Map.of(Priority.P1, 5L)))));

        Document page = web.signIn("dana").get("/releases/" + app + "/oav_21").page();

        assertEquals("Release 2.1.0", page.selectFirst("h1").text());
        assertEquals(List.of("From 2024-05-03 17:00:00 +08:00 (Asia/Shanghai) until 2024-05-05 17:00:00 +08:00 (Asia/Shanghai)"),
                page.select("section[aria-labelledby=release-newest] li").eachText());
        assertEquals(List.of("2.1.0 applied on 2024-05-03 17:00:00 +08:00 (Asia/Shanghai)",
                        "2.1.0 revoked on 2024-05-05 17:00:00 +08:00 (Asia/Shanghai)"),
                page.select("section[aria-labelledby=release-steps] li").eachText());
        Element firstSeen = page.selectFirst("section[aria-labelledby=release-first-seen]");
        assertEquals("Problems first seen while it was the newest", firstSeen.selectFirst("h2").text());
        assertEquals("/problems/pb-1", firstSeen.selectFirst("tbody a").attr("href"));
        assertEquals(List.of("白屏 on the cart", "4", "P1", "new", "on 2024-05-03"),
                firstSeen.select("tbody td").eachText());
        assertEquals(List.of("(no description)", "9", "P2", "acknowledged", "on 2024-05-03"),
                page.select("section[aria-labelledby=release-regressed] tbody td").eachText());
        Element chart = page.selectFirst("[role=img]");
        assertEquals("Feedback per day by priority around 2.1.0, from 2024-05-02 to 2024-05-03",
                chart.attr("aria-label"));
        assertTrue(chart.select("rect title").eachText().containsAll(List.of("05-02: 2 P3", "05-03: 5 P1")));
        assertEquals(List.of("applied"), chart.select("g.mark title").eachText(), "its step on the chart's day");
    }

    @Test
    void aVersionTheAppDoesNotHaveIsNotFound() {
        var reply = web.signIn("dana").get("/releases/cli_nobody/oav_none");

        assertEquals(404, reply.status());
        assertEquals("No such release", reply.page().selectFirst("h1").text());
    }
}
