package dev.larkinbox.inbound.web.dashboard;

import dev.larkinbox.domain.feedback.FaultKind;
import dev.larkinbox.domain.inbox.InboxSummary;
import dev.larkinbox.domain.inbox.SummarizeInbox;
import dev.larkinbox.domain.inbox.SummaryWindow;
import dev.larkinbox.domain.triage.Priority;
import dev.larkinbox.domain.version.AppVersion;
import dev.larkinbox.domain.version.RecentVersions;
import dev.larkinbox.domain.version.VersionEvent;
import dev.larkinbox.domain.version.VersionEventKind;
import dev.larkinbox.inbound.web.Pages;
import dev.larkinbox.inbound.web.access.NeedsSession;
import dev.larkinbox.inbound.web.language.Labels;
import dev.larkinbox.inbound.web.language.Reader;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.views.ModelAndView;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Charts a team would rather look at than read: the last two weeks of feedback, and what is still open. */
@Controller("/dashboard")
@NeedsSession
@Produces(MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
public class DashboardPage {
    private static final int DAYS = 14;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MM-dd");
    private static final Map<String, String> PRIORITY_COLOURS = new LinkedHashMap<>();

    static {
        PRIORITY_COLOURS.put("P1", "#d92d20");
        PRIORITY_COLOURS.put("P2", "#f79009");
        PRIORITY_COLOURS.put("P3", "#1456f0");
        PRIORITY_COLOURS.put("P4", "#8f959e");
    }

    /** The steps that put a version on the chart: it was applied for, or approved. */
    private static final Set<VersionEventKind> MARKED = Set.of(VersionEventKind.APPLIED, VersionEventKind.APPROVED);

    private final SummarizeInbox inbox;
    private final RecentVersions versions;
    private final Clock clock = Clock.systemUTC();

    DashboardPage(SummarizeInbox inbox, RecentVersions versions) {
        this.inbox = inbox;
        this.versions = versions;
    }

    @Get
    public ModelAndView<Map<String, Object>> show(HttpRequest<?> request) {
        InboxSummary summary = inbox.summarize(new SummaryWindow(clock.instant(), DAYS));
        Map<String, Object> model = Pages.model(request, "dashboard");
        Reader reader = Reader.of(request);
        List<Charts.Bar> days = summary.days().stream()
                .map(d -> new Charts.Bar(DAY.format(d.day()), Arrays.stream(Priority.values())
                        .map(p -> d.byPriority().get(p)).toList()))
                .toList();
        List<VersionMark> marks = marks(summary, new SummaryWindow(clock.instant(), DAYS), reader);
        model.put("perDay", Charts.columns(reader.text("dashboard.chart.per-day", DAYS),
                days, PRIORITY_COLOURS, marks.stream().map(VersionMark::mark).toList()));
        model.put("versionMarks", marks.stream().map(VersionMark::text).toList());
        List<Charts.Bar> kinds = summary.faultKinds().entrySet().stream()
                .sorted(Map.Entry.<FaultKind, Long>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(e -> e.getKey().label()))
                .map(e -> new Charts.Bar(Labels.faultKind(e.getKey(), reader), List.of(e.getValue()))).toList();
        String empty = reader.text("dashboard.chart.empty");
        model.put("byFaultKind", Charts.rows(reader.text("dashboard.chart.by-fault-kind", DAYS), kinds, "#1456f0",
                empty));
        List<Charts.Bar> ages = summary.openByAge().entrySet().stream()
                .map(e -> new Charts.Bar(reader.text("age." + e.getKey().name().toLowerCase(Locale.ROOT)),
                        List.of(e.getValue()))).toList();
        model.put("openByAge", Charts.rows(reader.text("dashboard.chart.open-by-age"), ages, "#f79009", empty));
        return new ModelAndView<>("dashboard", model);
    }

    /**
     * A mark on the chart's day for each version applied for or approved in the window, in the order they
     * happened, with the text that says it; the app is named only when versions of several apps are marked.
     */
    private List<VersionMark> marks(InboxSummary summary, SummaryWindow window, Reader reader) {
        List<LocalDate> chartDays = summary.days().stream().map(InboxSummary.Day::day).toList();
        List<AppVersion> recent = versions.since(window.since());
        boolean severalApps = recent.stream().map(AppVersion::appId).distinct().count() > 1;
        List<VersionMark> marks = new ArrayList<>();
        for (AppVersion version : recent) {
            String name = version.version() != null ? version.version() : version.versionId();
            for (VersionEvent event : version.events()) {
                int bar = chartDays.indexOf(LocalDate.ofInstant(event.at(), ZoneOffset.UTC));
                if (MARKED.contains(event.kind()) && bar >= 0) {
                    String step = reader.text("version." + event.kind().label(), name);
                    String text = reader.text("dashboard.mark", step, DAY.format(chartDays.get(bar)))
                            + (severalApps ? " (" + version.appId() + ")" : "");
                    marks.add(new VersionMark(event, new Charts.Mark(bar, step), text));
                }
            }
        }
        marks.sort(Comparator.comparing((VersionMark m) -> m.event().at()));
        return marks;
    }

    private record VersionMark(VersionEvent event, Charts.Mark mark, String text) {
    }
}
