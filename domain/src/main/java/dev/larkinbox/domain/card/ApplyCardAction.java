package dev.larkinbox.domain.card;

/**
 * Use case: a button clicked on a feedback's card works the feedback through the workflow as the person who clicked,
 * once per callback event.
 */
public interface ApplyCardAction {

    /**
     * @throws dev.larkinbox.domain.workflow.ConcurrentChangeException the feedback kept changing meanwhile
     * @throws dev.larkinbox.domain.event.StorageUnavailableException  nothing could be committed
     */
    CardActionResult apply(ApplyCardActionCommand command);
}
