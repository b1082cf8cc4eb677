package dev.larkinbox.domain.problem;

import dev.larkinbox.domain.inbox.TriagedFeedback;
import dev.larkinbox.domain.paging.Page;
import dev.larkinbox.domain.paging.PageRequest;
import java.util.Optional;

/** Use case: read the problems, one problem, or its feedback. */
public interface BrowseProblems {
    Page<Problem> list(ProblemFilter filter, ProblemOrder order, PageRequest page);

    Optional<Problem> find(String problemId);

    /** @throws ProblemNotFoundException no such problem */
    Page<TriagedFeedback> feedback(String problemId, PageRequest page);
}
