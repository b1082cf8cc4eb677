package dev.larkinbox.domain.card;

import dev.larkinbox.domain.reason.Reason;
import dev.larkinbox.domain.triage.Priority;
import dev.larkinbox.domain.triage.Triage;

/**
 * Which feedback is announced in the team's chat: what is at least as urgent as {@code minPriority}. A pure
 * function of the triage; {@link #OFF} announces nothing.
 *
 * @param minPriority null when notifications are off
 */
public record NotificationPolicy(Priority minPriority) {
    public static final NotificationPolicy OFF = new NotificationPolicy(null);

    public CardDecision decide(Triage triage) {
        if (minPriority == null) {
            return new CardDecision(false, Reason.of("card.notifications-off"));
        }
        Priority priority = triage.priority();
        return priority.compareTo(minPriority) <= 0
                ? new CardDecision(true, Reason.of("card.urgent-enough", priority, minPriority))
                : new CardDecision(false, Reason.of("card.not-urgent-enough", priority, minPriority));
    }
}
