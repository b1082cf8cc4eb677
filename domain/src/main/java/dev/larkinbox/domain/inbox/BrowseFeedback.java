package dev.larkinbox.domain.inbox;

import dev.larkinbox.domain.paging.Page;
import dev.larkinbox.domain.paging.PageRequest;
import java.util.List;
import java.util.Optional;

/** Use case: read the inbox, in the order asked for, or one feedback, or count what a filter matches. */
public interface BrowseFeedback {
    Page<TriagedFeedback> list(FeedbackFilter filter, FeedbackOrder order, PageRequest page);

    Optional<TriagedFeedback> find(String feedbackId);

    /** How many feedback the filter matches (a view's count, a bulk change's). */
    long count(FeedbackFilter filter);

    /**
     * How many feedback each filter matches, or that more than a cap do ({@link FeedbackInbox#counts}), in its order,
     * read together: the views' counts on every render.
     */
    List<MatchCount> counts(List<FeedbackFilter> filters);
}
