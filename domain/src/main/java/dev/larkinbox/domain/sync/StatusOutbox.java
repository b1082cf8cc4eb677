package dev.larkinbox.domain.sync;

import java.time.Instant;
import java.util.Optional;

/**
 * Outgoing port: the durable outbox of statuses Lark has to be told, written with their change (see
 * {@link dev.larkinbox.domain.workflow.FeedbackWorkflowStore#record}).
 */
public interface StatusOutbox extends Outbox<PendingSync> {

    /** True while an entry of the feedback waits to be delivered. */
    boolean hasPending(String feedbackId);

    /** When Lark last took a status of the feedback from us. */
    Optional<Instant> lastDelivered(String feedbackId);
}
