package dev.larkinbox.domain.workflow;

import dev.larkinbox.domain.event.Delivery;

/**
 * Use case: take a status set in Lark's console. Lark's console is the other source of truth, so the workflow's
 * rules do not apply, the author is the operator the event names (as {@link Actor#lark}), and nothing is sent
 * back to Lark.
 */
public interface ApplyLarkStatus {

    /**
     * Once per event id. A feedback id not in the inbox yet is noted in the ledger and its status kept for
     * when the feedback arrives ({@link #applyAwaited}).
     *
     * @throws ConcurrentChangeException the feedback kept changing meanwhile: nothing written, the event may come again
     */
    Delivery apply(ApplyLarkStatusCommand command);

    /**
     * Applies the status Lark's console set for the feedback before it arrived, if one waits. Called once the
     * feedback is in the inbox; again after a failure, since what waits is kept until it was applied.
     */
    void applyAwaited(String feedbackId);
}
