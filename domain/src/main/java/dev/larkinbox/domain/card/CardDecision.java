package dev.larkinbox.domain.card;

import dev.larkinbox.domain.validation.Text;

/**
 * Whether a feedback gets a chat card, and why.
 *
 * @param reason in words a person reads (no personal data)
 */
public record CardDecision(boolean post, String reason) {
    public CardDecision {
        Text.requireNonBlank(reason, "reason");
    }
}
