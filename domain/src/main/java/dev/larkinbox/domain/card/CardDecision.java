package dev.larkinbox.domain.card;

import dev.larkinbox.domain.reason.Reason;
import java.util.Objects;

/**
 * Whether a feedback gets a chat card, and why.
 *
 * @param reason why (no personal data)
 */
public record CardDecision(boolean post, Reason reason) {
    public CardDecision {
        Objects.requireNonNull(reason, "reason");
    }
}
