package dev.larkinbox.inbound.web.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.larkinbox.domain.feedback.FaultKind;
import dev.larkinbox.domain.testing.SampleEvents;
import dev.larkinbox.inbound.web.support.Arrivals;
import dev.larkinbox.inbound.web.support.WebServer;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The dashboard: its three charts, each named for a screen reader, and the versions marked on the first. */
class DashboardPageTest {
    @RegisterExtension
    static final WebServer web = WebServer.start();

    @Test
    void showsTheThreeChartsByNameAndTheVersionsAppliedForInTheWindow() {
        String app = Arrivals.unique("cli_dashboard_");
        Instant now = Instant.now();
        Arrivals.fault(web.store(), app, FaultKind.CRASH, "It crashes", now);
        Arrivals.fault(web.store(), app, FaultKind.SLOW_PAGE_LOAD, "It is slow", now);
        Instant applied = now.minus(Duration.ofDays(2));
        web.store().append(SampleEvents.applied(Arrivals.unique("ev_"), app, "oav_21", "2.1.0", applied));
        web.store().append(SampleEvents.applied(Arrivals.unique("ev_"), app, "oav_old", "0.9.0",
                now.minus(Duration.ofDays(40))));

        Document page = web.signIn("dana").get("/dashboard").page();

        assertEquals("Dashboard", page.selectFirst("h1").text());
        assertEquals(List.of("Feedback per day", "By fault kind", "Open, by age"), page.select("figure h2").eachText());
        assertEquals(List.of("Feedback per day by priority, last 30 days, with versions",
                        "Feedback by fault kind, last 30 days", "Open feedback by age"),
                page.select("[role=img]").eachAttr("aria-label"));
        String day = DateTimeFormatter.ofPattern("MM-dd").withZone(ZoneOffset.UTC).format(applied);
        assertEquals(List.of("2.1.0 applied on " + day), page.select("ul[aria-label=Versions on the chart] li")
                .eachText(), "the version of 40 days ago is outside the chart");
        assertEquals("page", page.selectFirst("nav[aria-label=Main] a[href=/dashboard]").attr("aria-current"));
        assertEquals("/releases/" + app + "/oav_21",
                page.selectFirst("ul[aria-label=Versions on the chart] a").attr("href"), "each version links to its page");
    }

    @Test
    void aRangeAndAnAppChooseWhatIsCounted() {
        String app = Arrivals.unique("cli_range_");
        String other = Arrivals.unique("cli_range_other_");
        Instant now = Instant.now();
        Arrivals.fault(web.store(), app, FaultKind.CRASH, "It crashes", now.minus(Duration.ofDays(20)));
        Arrivals.fault(web.store(), app, FaultKind.FREEZE, "It freezes", now);
        Arrivals.fault(web.store(), other, FaultKind.LAG, "It lags", now);
        web.store().append(SampleEvents.applied(Arrivals.unique("ev_"), other, "oav_o", "9.0", now));
        var dana = web.signIn("dana");

        Document week = dana.get("/dashboard?days=7&app=" + app).page();

        assertEquals("7", week.selectFirst("select#days option[selected]").val());
        assertEquals(List.of("Last 7 days", "Last 30 days", "Last 90 days"), week.select("select#days option").eachText());
        assertEquals(app, week.selectFirst("input#app").val());
        assertEquals("Feedback per day by priority, last 7 days, with versions",
                week.selectFirst("[role=img]").attr("aria-label"));
        Element kinds = week.select("[role=img]").get(1);
        assertEquals(List.of(FaultKind.FREEZE.label() + ": 1"), kinds.select("rect title").eachText(),
                "the other app's lag and the crash of 20 days ago are not counted");
        assertTrue(week.select("ul[aria-label=Versions on the chart]").isEmpty(), "the other app's version");

        Document month = dana.get("/dashboard?days=30&app=" + app).page();
        assertEquals(2, month.select("[role=img]").get(1).select("rect title").size());

        Document unknown = dana.get("/dashboard?days=14").page();
        assertEquals("The dashboard shows the last 7, 30 or 90 days: showing the last 30.",
                unknown.selectFirst("[role=alert]").text());
    }
}
