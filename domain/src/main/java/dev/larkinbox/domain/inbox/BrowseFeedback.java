package dev.larkinbox.domain.inbox;

import dev.larkinbox.domain.paging.Page;
import dev.larkinbox.domain.paging.PageRequest;
import java.util.Optional;

/** Use case: read the inbox, newest first, or one feedback. */
public interface BrowseFeedback {
    Page<TriagedFeedback> list(FeedbackFilter filter, PageRequest page);

    Optional<TriagedFeedback> find(String feedbackId);
}
