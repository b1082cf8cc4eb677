package dev.larkinbox.inbound.web.problem;

import dev.larkinbox.domain.problem.Problem;
import dev.larkinbox.inbound.web.Pages;
import io.micronaut.core.annotation.Nullable;
import java.util.List;
import java.util.Locale;

/**
 * One problem as the list and its page show it.
 *
 * @param spike      why it is spiking, null while it is not
 * @param regression why it is marked regressed, null while it is not
 */
public record ProblemLine(String problemId, String title, long count, int tenants, String firstSeen, String lastSeen,
                          String status, String priority, @Nullable String spike, @Nullable String regression,
                          List<String> reasons) {

    static ProblemLine of(Problem p) {
        String spike = p.spiking()
                ? reason(p, "spik", "spiking since " + Pages.time(p.spikingSince())) : null;
        String regression = p.regressed()
                ? reason(p, "regress", "reported again after it was resolved or closed") : null;
        return new ProblemLine(p.problemId(), p.title() == null ? "(no description)" : p.title(), p.count(),
                p.tenants(), Pages.time(p.firstSeen()), Pages.time(p.lastSeen()), p.status().label(),
                p.priority().name(), spike, regression, p.reasons());
    }

    /**
     * The reason among the problem's that names the mark (the spike policy's and the regression's say "spiking"
     * and "regression"), else a plain one: a mark is never shown without why.
     */
    private static String reason(Problem p, String naming, String otherwise) {
        return p.reasons().stream().filter(r -> r.toLowerCase(Locale.ROOT).contains(naming)).findFirst()
                .orElse(otherwise);
    }
}
