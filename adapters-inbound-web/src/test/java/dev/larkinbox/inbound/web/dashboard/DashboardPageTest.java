package dev.larkinbox.inbound.web.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
        assertEquals(List.of("Feedback per day by priority, last 14 days, with versions",
                        "Feedback by fault kind, last 14 days", "Open feedback by age"),
                page.select("[role=img]").eachAttr("aria-label"));
        String day = DateTimeFormatter.ofPattern("MM-dd").withZone(ZoneOffset.UTC).format(applied);
        assertEquals(List.of("2.1.0 applied on " + day), page.select("ul[aria-label=Versions on the chart] li")
                .eachText(), "the version of 40 days ago is outside the chart");
        assertEquals("page", page.selectFirst("nav[aria-label=Main] a[href=/dashboard]").attr("aria-current"));
    }
}
