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
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
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

/**
 * Charts a team would rather look at than read: the last 7, 30 or 90 days of feedback, of one app or all, and what is
 * still open; each version marked on the chart links to its release's page.
 */
@Controller("/dashboard")
@NeedsSession
@Produces(MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
public class DashboardPage {
    /** The ranges a person may choose, in days; the first page shows the middle one. */
    static final List<Integer> RANGES = List.of(7, 30, 90);
    private static final int DAYS = 30;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MM-dd");
    static final Map<String, String> PRIORITY_COLOURS = new LinkedHashMap<>();

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
    public ModelAndView<Map<String, Object>> show(HttpRequest<?> request, @Nullable @QueryValue String days,
                                                  @Nullable @QueryValue String app) {
        Map<String, Object> model = Pages.model(request, "dashboard");
        Reader reader = Reader.of(request);
        List<String> errors = new ArrayList<>();
        int range = range(days);
        if (Pages.given(days) != null && range != parsed(days)) {
            errors.add(reader.text("dashboard.range.unknown", range));
        }
        String appId = Pages.given(app);
        SummaryWindow window = new SummaryWindow(clock.instant(), range, appId);
        InboxSummary summary = inbox.summarize(window);
        model.put("ranges", RANGES);
        model.put("range", range);
        model.put("app", appId == null ? "" : appId);
        model.put("errors", errors);
        List<VersionMark> marks = marks(summary, window, reader);
        model.put("perDay", Charts.columns(reader.text("dashboard.chart.per-day", range),
                perDay(summary.days()), PRIORITY_COLOURS, marks.stream().map(VersionMark::mark).toList()));
        model.put("versionMarks", marks.stream().map(VersionMark::link).toList());
        List<Charts.Bar> kinds = summary.faultKinds().entrySet().stream()
                .sorted(Map.Entry.<FaultKind, Long>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(e -> e.getKey().label()))
                .map(e -> new Charts.Bar(Labels.faultKind(e.getKey(), reader), List.of(e.getValue()))).toList();
        String empty = reader.text("dashboard.chart.empty");
        model.put("byFaultKind", Charts.rows(reader.text("dashboard.chart.by-fault-kind", range), kinds, "#1456f0",
                empty));
        List<Charts.Bar> ages = summary.openByAge().entrySet().stream()
                .map(e -> new Charts.Bar(reader.text("age." + e.getKey().name().toLowerCase(Locale.ROOT)),
                        List.of(e.getValue()))).toList();
        model.put("openByAge", Charts.rows(reader.text("dashboard.chart.open-by-age"), ages, "#f79009", empty));
        return new ModelAndView<>("dashboard", model);
    }

    /** A day's feedback as a bar of priorities, P1 at the bottom. */
    static List<Charts.Bar> perDay(List<InboxSummary.Day> days) {
        return days.stream().map(d -> new Charts.Bar(DAY.format(d.day()), Arrays.stream(Priority.values())
                .map(p -> d.byPriority().get(p)).toList())).toList();
    }

    /** The range asked for when it is one offered, the middle one otherwise. */
    private static int range(@Nullable String days) {
        int asked = parsed(days);
        return RANGES.contains(asked) ? asked : DAYS;
    }

    private static int parsed(@Nullable String days) {
        try {
            return days == null ? DAYS : Integer.parseInt(days.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /**
     * A mark on the chart's day for each version applied for or approved in the window, in the order they
     * happened, with the text that says it; the app is named only when versions of several apps are marked.
     */
    private List<VersionMark> marks(InboxSummary summary, SummaryWindow window, Reader reader) {
        List<LocalDate> chartDays = summary.days().stream().map(InboxSummary.Day::day).toList();
        List<AppVersion> recent = versions.since(window.since()).stream()
                .filter(v -> window.appId() == null || window.appId().equals(v.appId())).toList();
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
                    marks.add(new VersionMark(event, version, new Charts.Mark(bar, step), text));
                }
            }
        }
        marks.sort(Comparator.comparing((VersionMark m) -> m.event().at()));
        return marks;
    }

    private record VersionMark(VersionEvent event, AppVersion version, Charts.Mark mark, String text) {
        Link link() {
            return new Link(text, ReleasePage.path(version));
        }
    }

    /** A version listed under the chart, linking to its release's page. Public for the template engine. */
    public record Link(String text, String href) {
    }
}
