package dev.larkinbox.domain.problem;

import dev.larkinbox.domain.validation.Text;
import java.util.List;
import java.util.Objects;

/** The verdict of a grouping policy: the feedback joins a problem, or starts one. Either says why. */
public sealed interface Grouping permits Grouping.Joins, Grouping.StartsNew {

    /** The rules that decided, in words a person reads; never empty. */
    List<String> reasons();

    record Joins(ProblemCandidate problem, List<String> reasons) implements Grouping {
        public Joins {
            Objects.requireNonNull(problem, "problem");
            reasons = requireReasons(reasons);
        }
    }

    record StartsNew(List<String> reasons) implements Grouping {
        public StartsNew {
            reasons = requireReasons(reasons);
        }
    }

    private static List<String> requireReasons(List<String> reasons) {
        List<String> copy = List.copyOf(Objects.requireNonNull(reasons, "reasons"));
        if (copy.isEmpty()) {
            throw new IllegalArgumentException("a grouping must say why");
        }
        copy.forEach(reason -> Text.requireNonBlank(reason, "reason"));
        return copy;
    }
}
