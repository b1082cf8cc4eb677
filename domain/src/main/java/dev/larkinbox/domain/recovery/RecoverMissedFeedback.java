package dev.larkinbox.domain.recovery;

/**
 * Use case: ask Lark for the feedback of the last days and add every one the inbox does not have, as if its event
 * had come: for when the service was down longer than Lark retries an event.
 */
public interface RecoverMissedFeedback {

    /**
     * @throws dev.larkinbox.domain.platform.LarkUnavailableException Lark could not be reached; what was added so far stays
     * @throws dev.larkinbox.domain.platform.LarkRefusedException     Lark refused the listing
     */
    RecoveryReport recover(RecoverMissedFeedbackCommand command);
}
