package dev.larkinbox.domain.problem;

import dev.larkinbox.domain.inbox.FeedbackStatus;
import dev.larkinbox.domain.triage.Priority;
import java.util.Objects;
import java.util.Set;

/**
 * Which problems to list. A null field, or an empty set, matches everything; a set matches any of its values.
 *
 * @param spiking true: only those spiking now; false: only those not spiking; null: both
 */
public record ProblemFilter(String appId, Set<FeedbackStatus> statuses, Set<Priority> priorities, Boolean spiking) {
    public static final ProblemFilter ALL = new ProblemFilter(null, Set.of(), Set.of(), null);

    public ProblemFilter {
        statuses = Set.copyOf(Objects.requireNonNull(statuses, "statuses"));
        priorities = Set.copyOf(Objects.requireNonNull(priorities, "priorities"));
    }

    /** The reference meaning of the filter; a store may answer it in its own way, with the same result. */
    public boolean matches(Problem problem) {
        return (appId == null || appId.equals(problem.key().appId()))
                && (statuses.isEmpty() || statuses.contains(problem.status()))
                && (priorities.isEmpty() || priorities.contains(problem.priority()))
                && (spiking == null || spiking == problem.spiking());
    }
}
