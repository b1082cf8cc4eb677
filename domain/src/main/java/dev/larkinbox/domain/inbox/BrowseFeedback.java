package dev.larkinbox.domain.inbox;

import dev.larkinbox.domain.paging.Page;
import dev.larkinbox.domain.paging.PageRequest;
import java.util.Optional;

/** Use case: read the inbox, in the order asked for, or one feedback, or count what a filter matches. */
public interface BrowseFeedback {
    Page<TriagedFeedback> list(FeedbackFilter filter, FeedbackOrder order, PageRequest page);

    Optional<TriagedFeedback> find(String feedbackId);

    /** How many feedback the filter matches (a view's count, a bulk change's). */
    long count(FeedbackFilter filter);
}
