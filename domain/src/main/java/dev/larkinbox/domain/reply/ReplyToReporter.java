package dev.larkinbox.domain.reply;

import java.util.List;

/** Use case: a team member writes to the person who filed a feedback, through the app's bot. */
public interface ReplyToReporter {

    /**
     * Records the reply in the feedback's history and queues it for Lark, in one transaction.
     *
     * @return the reply as queued
     * @throws dev.larkinbox.domain.workflow.FeedbackNotFoundException no such feedback
     * @throws NoReporterException                                     the feedback names no reporter to write to
     * @throws dev.larkinbox.domain.workflow.ConcurrentChangeException the feedback kept changing meanwhile
     */
    SentMessage reply(ReplyCommand command);

    /**
     * The messages to the feedback's reporter, oldest first.
     *
     * @throws dev.larkinbox.domain.workflow.FeedbackNotFoundException no such feedback
     */
    List<SentMessage> messages(String feedbackId);
}
