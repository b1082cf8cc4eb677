package dev.larkinbox.domain.problem;

import dev.larkinbox.domain.reason.Reason;
import java.util.List;
import java.util.Objects;

/** The verdict of a grouping policy: the feedback joins a problem, or starts one. Either says why. */
public sealed interface Grouping permits Grouping.Joins, Grouping.StartsNew {

    /** The rules that decided; never empty. */
    List<Reason> reasons();

    record Joins(ProblemCandidate problem, List<Reason> reasons) implements Grouping {
        public Joins {
            Objects.requireNonNull(problem, "problem");
            reasons = requireReasons(reasons);
        }
    }

    record StartsNew(List<Reason> reasons) implements Grouping {
        public StartsNew {
            reasons = requireReasons(reasons);
        }
    }

    private static List<Reason> requireReasons(List<Reason> reasons) {
        List<Reason> copy = List.copyOf(Objects.requireNonNull(reasons, "reasons"));
        if (copy.isEmpty()) {
            throw new IllegalArgumentException("a grouping must say why");
        }
        return copy;
    }
}
