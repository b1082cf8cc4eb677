package dev.larkinbox.domain.workflow;

import dev.larkinbox.domain.inbox.TriagedFeedback;

/** Use case: a team member changes a feedback's status, assignee or both, or adds a note. */
public interface WorkFeedback {

    /**
     * @return the feedback as it is afterwards (unchanged when the command asked for what already is)
     * @throws FeedbackNotFoundException      no such feedback
     * @throws ImpossibleTransitionException  the workflow does not allow the status change
     * @throws StaleVersionException          the feedback is no longer at the expected version
     * @throws ConcurrentChangeException      the feedback kept changing meanwhile
     */
    TriagedFeedback work(WorkFeedbackCommand command);
}
