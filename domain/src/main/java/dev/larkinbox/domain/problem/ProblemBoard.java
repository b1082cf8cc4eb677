package dev.larkinbox.domain.problem;

import dev.larkinbox.domain.feedback.FeedbackType;
import dev.larkinbox.domain.inbox.TriagedFeedback;
import dev.larkinbox.domain.paging.Page;
import dev.larkinbox.domain.paging.PageRequest;
import java.util.List;
import java.util.Optional;

/** Outgoing port: the stored problems, as they are read. */
public interface ProblemBoard {

    /** The problems {@link ProblemFilter#matches matching} the filter, in the order asked for. */
    Page<Problem> list(ProblemFilter filter, ProblemOrder order, PageRequest page);

    Optional<Problem> find(String problemId);

    /**
     * The problem's feedback, newest first.
     *
     * @throws ProblemNotFoundException no such problem
     */
    Page<TriagedFeedback> feedback(String problemId, PageRequest page);

    /**
     * The problems of the app and type, seen most recently first, at most {@code max}: read through an index on app,
     * type and when last seen, so that it costs the same however many problems there are.
     */
    List<Problem> seenRecently(String appId, FeedbackType type, int max);
}
