package dev.larkinbox.domain.reply;

import dev.larkinbox.domain.inbox.FeedbackInbox;
import dev.larkinbox.domain.inbox.TriagedFeedback;
import dev.larkinbox.domain.workflow.ConcurrentChangeException;
import dev.larkinbox.domain.workflow.FeedbackNotFoundException;
import dev.larkinbox.domain.workflow.FeedbackWorkflowStore;
import dev.larkinbox.domain.workflow.HistoryEntry;
import dev.larkinbox.domain.workflow.WorkflowChange;
import java.time.Clock;
import java.util.List;
import java.util.Objects;

/**
 * Replies to reporters: each reply is a history entry of the feedback (its note, by its author) written in one
 * transaction with the message to the reporter, which the outbox then sends once.
 */
public final class ReplyService implements ReplyToReporter {
    static final int ATTEMPTS = 3;

    private final FeedbackInbox inbox;
    private final FeedbackWorkflowStore store;
    private final ReporterOutbox outbox;
    private final Clock clock;

    public ReplyService(FeedbackInbox inbox, FeedbackWorkflowStore store, ReporterOutbox outbox, Clock clock) {
        this.inbox = Objects.requireNonNull(inbox, "inbox");
        this.store = Objects.requireNonNull(store, "store");
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public SentMessage reply(ReplyCommand command) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            TriagedFeedback item = find(command.feedbackId());
            if (item.feedback().user().openId() == null) {
                throw new NoReporterException(command.feedbackId());
            }
            var entry = new HistoryEntry(command.feedbackId(), item.version() + 1, clock.instant(), command.actor(),
                    item.status(), item.status(), item.assignee(), item.assignee(), item.triage().priority(),
                    item.triage().priority(), command.note());
            var change = new WorkflowChange(command.feedbackId(), item.version(), item.status(), item.assignee(),
                    item.triage().priority(), entry, null,
                    new ReporterMessage(ReporterMessage.Kind.REPLY, command.text()));
            if (store.record(change)) {
                return outbox.messages(command.feedbackId()).stream().filter(m -> m.version() == entry.version())
                        .findFirst().orElseThrow(() -> new IllegalStateException("a recorded reply is in the outbox"));
            }
            // the feedback moved on meanwhile: reply after its newer version
        }
        throw new ConcurrentChangeException("the feedback kept changing; try again");
    }

    @Override
    public List<SentMessage> messages(String feedbackId) {
        find(feedbackId);
        return outbox.messages(feedbackId);
    }

    private TriagedFeedback find(String feedbackId) {
        return inbox.find(feedbackId).orElseThrow(() -> new FeedbackNotFoundException(feedbackId));
    }
}
