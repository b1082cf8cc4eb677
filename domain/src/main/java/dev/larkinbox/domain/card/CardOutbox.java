package dev.larkinbox.domain.card;

import dev.larkinbox.domain.sync.Outbox;

/**
 * Outgoing port: the durable outbox of chat cards. A post is written in the transaction that stores the feedback
 * (see {@link dev.larkinbox.domain.inbox.FeedbackInbox#add(dev.larkinbox.domain.inbox.TriagedFeedback, String,
 * boolean)}), an update in the transaction of each later change of a feedback that has a card (see
 * {@link dev.larkinbox.domain.workflow.FeedbackWorkflowStore}). A card is rendered when it is sent, so it shows the
 * feedback as it is then.
 */
public interface CardOutbox extends Outbox<PendingCard> {

    /** Keeps the message a post became, for the updates after it. */
    void messagePosted(long id, String messageId);
}
