package dev.larkinbox.domain.workflow;

import dev.larkinbox.domain.event.EventMeta;

/**
 * Use case: a change a Lark event asks for on behalf of a person (a button clicked on a chat card), made through the
 * workflow like any other and recorded with the event in the ledger, so that the event changes the feedback at most
 * once.
 */
public interface WorkFeedbackOnce {

    /**
     * @param rawEvent the event JSON as received, kept in the ledger
     * @return the feedback afterwards; {@link dev.larkinbox.domain.event.Delivery#DUPLICATE} with the feedback as it
     *         is when the event was recorded before
     * @throws FeedbackNotFoundException     no such feedback
     * @throws ImpossibleTransitionException the workflow does not allow the status change: nothing recorded
     * @throws ConcurrentChangeException     the feedback kept changing meanwhile
     */
    WorkedFeedback workOnce(EventMeta meta, String rawEvent, WorkFeedbackCommand command);
}
