package dev.larkinbox.domain.workflow;

import dev.larkinbox.domain.paging.Page;
import dev.larkinbox.domain.paging.PageRequest;
import java.util.List;

/** Use case: read every change of a feedback, oldest first. */
public interface BrowseHistory {

    /** @throws FeedbackNotFoundException no such feedback */
    List<HistoryEntry> history(String feedbackId);

    /**
     * One page of the history, oldest first, as the lists page.
     *
     * @throws FeedbackNotFoundException no such feedback
     * @throws dev.larkinbox.domain.paging.InvalidCursorException a cursor not of this feedback's history
     */
    Page<HistoryEntry> history(String feedbackId, PageRequest page);
}
