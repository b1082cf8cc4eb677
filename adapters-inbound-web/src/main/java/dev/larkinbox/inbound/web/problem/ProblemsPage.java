package dev.larkinbox.inbound.web.problem;

import dev.larkinbox.domain.inbox.FeedbackStatus;
import dev.larkinbox.domain.paging.Page;
import dev.larkinbox.domain.problem.BrowseProblems;
import dev.larkinbox.domain.problem.Problem;
import dev.larkinbox.domain.problem.ProblemFilter;
import dev.larkinbox.domain.problem.ProblemOrder;
import dev.larkinbox.domain.triage.Priority;
import dev.larkinbox.inbound.web.Filters;
import dev.larkinbox.inbound.web.Pages;
import dev.larkinbox.inbound.web.access.NeedsSession;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The problems: similar feedback grouped, seen last or reported most first, filtered as the URL says. */
@Controller("/problems")
@NeedsSession
@Produces(MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
public class ProblemsPage {
    private static final int PAGE_SIZE = 50;

    private final BrowseProblems problems;

    ProblemsPage(BrowseProblems problems) {
        this.problems = problems;
    }

    @Get
    public ModelAndView<Map<String, Object>> list(HttpRequest<?> request, @Nullable @QueryValue String app,
                                                  @Nullable @QueryValue String status,
                                                  @Nullable @QueryValue String priority,
                                                  @Nullable @QueryValue String spiking,
                                                  @Nullable @QueryValue String sort,
                                                  @Nullable @QueryValue String cursor) {
        var query = new ProblemQuery(Pages.given(app), Pages.given(status), Pages.given(priority),
                Pages.given(spiking), Pages.given(sort));
        List<String> refused = new ArrayList<>();
        Reader reader = Reader.of(request);
        var filter = new ProblemFilter(query.app(), Filters.statuses(query.status(), refused, reader),
                Filters.priorities(query.priority(), refused, reader), spiking(query.spiking(), refused, reader));
        ProblemOrder order = order(query.sort(), refused, reader);
        Page<Problem> page = Pages.page(at -> problems.list(filter, order, at), PAGE_SIZE, cursor,
                "problems.this", refused, reader);
        Map<String, Object> model = Pages.model(request, "problems");
        model.put("query", query);
        model.put("rows", page.items().stream().map(p -> ProblemLine.of(p, reader)).toList());
        model.put("nextPage", page.nextCursor() == null ? null : query.link(page.nextCursor()));
        model.put("firstPage", cursor == null ? null : query.link(null));
        model.put("errors", refused);
        model.put("statuses", FeedbackStatus.values());
        model.put("priorities", Priority.values());
        return new ModelAndView<>("problems", model);
    }

    private static @Nullable Boolean spiking(@Nullable String spiking, List<String> refused, Reader reader) {
        if (spiking == null) {
            return null;
        }
        return switch (spiking) {
            case "true" -> true;
            case "false" -> false;
            default -> {
                refused.add(reader.text("error.filter.spiking"));
                yield null;
            }
        };
    }

    private static ProblemOrder order(@Nullable String sort, List<String> refused, Reader reader) {
        if (sort == null) {
            return ProblemOrder.LAST_SEEN;
        }
        try {
            return ProblemOrder.fromLabel(sort);
        } catch (IllegalArgumentException e) {
            refused.add(reader.text("error.filter.sort"));
            return ProblemOrder.LAST_SEEN;
        }
    }
}
