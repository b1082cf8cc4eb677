package dev.larkinbox.domain.problem;

import dev.larkinbox.domain.feedback.Feedback;
import java.util.List;

/** A pure function deciding which problem a new feedback belongs to, with the reasons that decided it. */
@FunctionalInterface
public interface GroupingPolicy {
    /**
     * @param candidates the problems of the feedback's app that it could join, most recently seen first (a store
     *                   finds them by {@link GroupingKey}); others given are never joined
     */
    Grouping group(Feedback feedback, List<ProblemCandidate> candidates);
}
