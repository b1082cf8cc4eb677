package dev.larkinbox.domain.card;

import dev.larkinbox.domain.reason.Reason;
import java.util.Objects;

/**
 * What a click did, for the answer the clicking person sees at once.
 *
 * @param message for the person (no personal data); a refusal says why the workflow refused
 * @param card    the card as it is now; null when the feedback is not in the inbox
 */
public record CardActionResult(Verdict verdict, Reason message, FeedbackCard card) {

    public enum Verdict {
        /** The feedback changed as asked (or already was as asked). */
        DONE,
        /** The same click came before: nothing changed this time. */
        REPEATED,
        /** The workflow does not allow it: nothing changed. */
        REFUSED,
        /** No such feedback in the inbox: nothing changed. */
        UNKNOWN_FEEDBACK
    }

    public CardActionResult {
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(message, "message");
        if (card == null && verdict != Verdict.UNKNOWN_FEEDBACK) {
            throw new IllegalArgumentException("a feedback in the inbox has a card to show");
        }
    }
}
