package dev.larkinbox.domain.workflow;

import dev.larkinbox.domain.event.Delivery;

/**
 * Use case: take a status set in Lark's console. Lark's console is the other source of truth, so the workflow's
 * rules do not apply, the author is {@link Actor#LARK}, and nothing is sent back to Lark.
 */
public interface ApplyLarkStatus {

    /**
     * Once per event id. A feedback id not in the inbox is noted in the ledger, not refused.
     *
     * @throws ConcurrentChangeException the feedback kept changing meanwhile: nothing written, the event may come again
     */
    Delivery apply(ApplyLarkStatusCommand command);
}
