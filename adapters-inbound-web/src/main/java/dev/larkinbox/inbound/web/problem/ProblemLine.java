package dev.larkinbox.inbound.web.problem;

import dev.larkinbox.domain.problem.Problem;
import io.micronaut.core.annotation.Nullable;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * One problem as the list and its page show it.
 *
 * @param title      null when its reports have no description
 * @param status     its status's label, said by the page in the reader's language
 * @param spike      the problem's reason that says why it is spiking; null when it is not spiking, or gives none
 *                   (the page then says since when)
 * @param regression the problem's reason that says why it is marked regressed; null when it is not, or gives none
 */
public record ProblemLine(String problemId, @Nullable String title, long count, int tenants, Instant firstSeen,
                          Instant lastSeen, String status, String priority, boolean spiking,
                          @Nullable Instant spikingSince, @Nullable String spike, boolean regressed,
                          @Nullable String regression, List<String> reasons) {

    static ProblemLine of(Problem p) {
        return new ProblemLine(p.problemId(), p.title(), p.count(), p.tenants(), p.firstSeen(), p.lastSeen(),
                p.status().label(), p.priority().name(), p.spiking(), p.spikingSince(),
                p.spiking() ? reason(p, "spik") : null, p.regressed(), p.regressed() ? reason(p, "regress") : null,
                p.reasons());
    }

    /**
     * The reason among the problem's that names the mark (the spike policy's and the regression's say "spiking"
     * and "regression"): a mark is never shown without why.
     */
    private static @Nullable String reason(Problem p, String naming) {
        return p.reasons().stream().filter(r -> r.toLowerCase(Locale.ROOT).contains(naming)).findFirst()
                .orElse(null);
    }
}
