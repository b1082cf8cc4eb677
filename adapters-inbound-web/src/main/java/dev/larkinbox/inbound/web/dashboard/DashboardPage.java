package dev.larkinbox.inbound.web.dashboard;

import dev.larkinbox.domain.feedback.FaultKind;
import dev.larkinbox.domain.inbox.InboxSummary;
import dev.larkinbox.domain.inbox.SummarizeInbox;
import dev.larkinbox.domain.inbox.SummaryWindow;
import dev.larkinbox.domain.triage.Priority;
import dev.larkinbox.inbound.web.Pages;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.views.ModelAndView;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Charts a team would rather look at than read: the last two weeks of feedback, and what is still open. */
@Controller("/dashboard")
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

    private final SummarizeInbox inbox;
    private final Clock clock = Clock.systemUTC();

    DashboardPage(SummarizeInbox inbox) {
        this.inbox = inbox;
    }

    @Get
    public ModelAndView<Map<String, Object>> show(HttpRequest<?> request) {
        InboxSummary summary = inbox.summarize(new SummaryWindow(clock.instant(), DAYS));
        Map<String, Object> model = Pages.model(request, "dashboard");
        List<Charts.Bar> days = summary.days().stream()
                .map(d -> new Charts.Bar(DAY.format(d.day()), Arrays.stream(Priority.values())
                        .map(p -> d.byPriority().get(p)).toList()))
                .toList();
        model.put("perDay", Charts.columns("Feedback per day by priority, last " + DAYS + " days", days,
                PRIORITY_COLOURS));
        List<Charts.Bar> kinds = summary.faultKinds().entrySet().stream()
                .sorted(Map.Entry.<FaultKind, Long>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(e -> e.getKey().label()))
                .map(e -> new Charts.Bar(e.getKey().label(), List.of(e.getValue()))).toList();
        model.put("byFaultKind", Charts.rows("Feedback by fault kind, last " + DAYS + " days", kinds, "#1456f0"));
        List<Charts.Bar> ages = summary.openByAge().entrySet().stream()
                .map(e -> new Charts.Bar(e.getKey().label(), List.of(e.getValue()))).toList();
        model.put("openByAge", Charts.rows("Open feedback by age", ages, "#f79009"));
        return new ModelAndView<>("dashboard", model);
    }
}
