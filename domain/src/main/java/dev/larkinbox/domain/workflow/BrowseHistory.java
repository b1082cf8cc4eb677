package dev.larkinbox.domain.workflow;

import java.util.List;

/** Use case: read every change of a feedback, oldest first. */
public interface BrowseHistory {

    /** @throws FeedbackNotFoundException no such feedback */
    List<HistoryEntry> history(String feedbackId);
}
