package dev.larkinbox.domain.reply;

import dev.larkinbox.domain.sync.Outbox;
import java.util.List;

/**
 * Outgoing port: the durable outbox of messages to reporters, written with the history entry of each (see
 * {@link dev.larkinbox.domain.workflow.FeedbackWorkflowStore#record}), and kept as the record of what they were told.
 */
public interface ReporterOutbox extends Outbox<PendingMessage> {

    /** The messages to the feedback's reporter, oldest first; empty for an unknown feedback. */
    List<SentMessage> messages(String feedbackId);
}
