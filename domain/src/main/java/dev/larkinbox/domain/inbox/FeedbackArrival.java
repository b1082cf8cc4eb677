package dev.larkinbox.domain.inbox;

import dev.larkinbox.domain.event.Delivery;
import java.util.Objects;

/**
 * What became of a feedback handed to the inbox, and whether a status set in Lark's console before it arrived may
 * wait for it ({@link dev.larkinbox.domain.workflow.ApplyLarkStatus#applyAwaited}).
 *
 * @param statusAwaited false only when the store saw, in the same transaction, that no status waits for it: then
 *                      nobody needs to look again, which spares a read per feedback
 */
public record FeedbackArrival(Delivery delivery, boolean statusAwaited) {
    public FeedbackArrival {
        Objects.requireNonNull(delivery, "delivery");
    }

    /** From a store that does not tell: a status may wait. */
    public static FeedbackArrival unchecked(Delivery delivery) {
        return new FeedbackArrival(delivery, true);
    }
}
