package dev.larkinbox.inbound.web.dashboard;

import dev.larkinbox.domain.release.Release;
import dev.larkinbox.domain.release.ReleaseProblem;
import dev.larkinbox.domain.release.ReleaseQuery;
import dev.larkinbox.domain.release.ViewRelease;
import dev.larkinbox.domain.version.AppVersion;
import dev.larkinbox.domain.version.VersionEvent;
import dev.larkinbox.inbound.web.Pages;
import dev.larkinbox.inbound.web.access.NeedsSession;
import dev.larkinbox.inbound.web.language.Reader;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.views.ModelAndView;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A page per app's version, reached from the versions the dashboard marks: when it was the app's newest, the problems
 * first seen and the regressions meanwhile, and the app's feedback per day around it.
 */
@Controller("/releases")
@NeedsSession
@Produces(MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
public class ReleasePage {
    private final ViewRelease releases;
    private final Clock clock = Clock.systemUTC();

    ReleasePage(ViewRelease releases) {
        this.releases = releases;
    }

    /** Where a version's page is. */
    static String path(AppVersion version) {
        return "/releases/" + URLEncoder.encode(version.appId(), StandardCharsets.UTF_8) + "/"
                + URLEncoder.encode(version.versionId(), StandardCharsets.UTF_8);
    }

    /**
     * A problem as a row: its title links to its page. Public for the template engine.
     *
     * @param priority {@code P1}..{@code P4} and {@code status} its label: the page says them in the reader's language
     */
    public record ProblemRow(String href, String title, long reports, String priority, String status, Instant at) {
        static ProblemRow of(ReleaseProblem p) {
            return new ProblemRow("/problems/" + URLEncoder.encode(p.problemId(), StandardCharsets.UTF_8), p.title(),
                    p.count(), p.priority().name(), p.status().label(), p.at());
        }
    }

    @Get("/{appId}/{versionId}")
    public HttpResponse<?> show(HttpRequest<?> request, @PathVariable String appId, @PathVariable String versionId) {
        Instant now = clock.instant();
        Optional<Release> found = appId.isBlank() || versionId.isBlank() ? Optional.empty()
                : releases.release(new ReleaseQuery(appId, versionId, now));
        if (found.isEmpty()) {
            return Pages.notFound(request, "dashboard", "release");
        }
        Reader reader = Reader.of(request);
        Release release = found.get();
        AppVersion version = release.version();
        String name = version.version() != null ? version.version() : version.versionId();
        Map<String, Object> model = Pages.model(request, "dashboard");
        model.put("name", name);
        model.put("app", version.appId());
        model.put("versionId", version.versionId());
        model.put("periods", release.newest().stream().map(p -> p.until() == null
                ? reader.text("dashboard.release.period.lasting", reader.exact(p.from()))
                : reader.text("dashboard.release.period.ended", reader.exact(p.from()), reader.exact(p.until())))
                .toList());
        model.put("steps", version.events().stream().map(e -> reader.text("dashboard.release.step",
                reader.text("version." + e.kind().label(), name), reader.exact(e.at()))).toList());
        model.put("firstSeen", release.firstSeen().stream().map(ProblemRow::of).toList());
        model.put("regressed", release.regressed().stream().map(ProblemRow::of).toList());
        List<LocalDate> days = release.days().stream().map(d -> d.day()).toList();
        model.put("perDay", Charts.columns(reader.text("dashboard.release.chart", name,
                        days.isEmpty() ? "" : days.get(0).toString(), days.isEmpty() ? "" : days.get(days.size() - 1)
                                .toString()),
                DashboardPage.perDay(release.days()), DashboardPage.PRIORITY_COLOURS, marks(version, days)));
        return HttpResponse.ok(new ModelAndView<>("release", model));
    }

    /** The version's own steps on their days, as the dashboard marks them. */
    private static List<Charts.Mark> marks(AppVersion version, List<LocalDate> days) {
        List<Charts.Mark> marks = new ArrayList<>();
        for (VersionEvent event : version.events()) {
            int bar = days.indexOf(LocalDate.ofInstant(event.at(), ZoneOffset.UTC));
            if (bar >= 0) {
                marks.add(new Charts.Mark(bar, event.kind().label()));
            }
        }
        return marks;
    }
}
