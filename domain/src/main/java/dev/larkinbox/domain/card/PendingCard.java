package dev.larkinbox.domain.card;

import dev.larkinbox.domain.validation.Text;
import dev.larkinbox.domain.sync.OutboxEntry;
import java.util.Objects;

/**
 * A card outbox entry not yet taken by Lark: post the feedback's card, or update the card posted before.
 *
 * @param messageId for an update, the message the card was posted as; null when its post was given up
 */
public record PendingCard(long id, String feedbackId, Kind kind, String messageId, int attempts, int refusals)
        implements OutboxEntry {

    public enum Kind { POST, UPDATE }

    public PendingCard {
        Text.requireNonBlank(feedbackId, "feedbackId");
        Objects.requireNonNull(kind, "kind");
        if (refusals < 0 || attempts < refusals) {
            throw new IllegalArgumentException("need 0 <= refusals <= attempts");
        }
    }
}
