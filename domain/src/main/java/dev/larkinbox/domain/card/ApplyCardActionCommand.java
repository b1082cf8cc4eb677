package dev.larkinbox.domain.card;

import dev.larkinbox.domain.event.EventMeta;
import dev.larkinbox.domain.validation.Text;
import java.util.Objects;

/**
 * A button clicked on a feedback's card ({@code card.action.trigger}).
 *
 * @param openId   who clicked: personal data, never logged
 * @param rawEvent the callback JSON as received, kept in the ledger
 */
public record ApplyCardActionCommand(EventMeta meta, String feedbackId, CardAction action, String openId,
                                     String rawEvent) {
    public ApplyCardActionCommand {
        Objects.requireNonNull(meta, "meta");
        Text.requireNonBlank(feedbackId, "feedbackId");
        Objects.requireNonNull(action, "action");
        Text.requireNonBlank(openId, "openId");
        Objects.requireNonNull(rawEvent, "rawEvent");
    }

    @Override
    public String toString() {
        return "ApplyCardActionCommand[eventId=" + meta.eventId() + ", feedbackId=" + feedbackId + ", "
                + action.label() + "]";
    }
}
