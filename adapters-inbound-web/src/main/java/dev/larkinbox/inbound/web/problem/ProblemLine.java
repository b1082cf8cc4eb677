package dev.larkinbox.inbound.web.problem;

import dev.larkinbox.domain.problem.Problem;
import dev.larkinbox.inbound.web.language.Reader;
import io.micronaut.core.annotation.Nullable;
import java.time.Instant;
import java.util.List;

/**
 * One problem as the list and its page show it.
 *
 * @param title      null when its reports have no description
 * @param status     its status's label, said by the page in the reader's language
 * @param spike      the problem's reason that says why it is spiking, in the reader's language; null when it is
 *                   not spiking, or gives none (the page then says since when)
 * @param regression the problem's reason that says why it is marked regressed; null when it is not, or gives none
 *                   (a problem stored before reasons had keys keeps its text, which names no mark)
 * @param reasons    all its reasons, in the reader's language
 */
public record ProblemLine(String problemId, @Nullable String title, long count, int tenants, Instant firstSeen,
                          Instant lastSeen, String status, String priority, boolean spiking,
                          @Nullable Instant spikingSince, @Nullable String spike, boolean regressed,
                          @Nullable String regression, List<String> reasons) {

    /** The problem with its reasons in the reader's language. */
    static ProblemLine of(Problem p, Reader reader) {
        return new ProblemLine(p.problemId(), p.title(), p.count(), p.tenants(), p.firstSeen(), p.lastSeen(),
                p.status().label(), p.priority().name(), p.spiking(), p.spikingSince(),
                p.spiking() ? reason(p, "spike.", reader) : null, p.regressed(),
                p.regressed() ? reason(p, "regression.", reader) : null,
                p.reasons().stream().map(reader::text).toList());
    }

    /** The first of the problem's reasons about the mark, by its key: a mark is never shown without why. */
    private static @Nullable String reason(Problem p, String about, Reader reader) {
        return p.reasons().stream().filter(r -> r.key().startsWith(about)).findFirst().map(reader::text)
                .orElse(null);
    }
}
