package dev.larkinbox.domain.reply;

import dev.larkinbox.domain.sync.OutboxEntry;
import dev.larkinbox.domain.validation.Text;

/**
 * A message to a reporter not yet taken by Lark.
 *
 * @param version the history entry it was written with: with the feedback, the key Lark deduplicates it on
 * @param openId  the reporter: personal data, never logged
 * @param text    personal data, never logged
 */
public record PendingMessage(long id, String feedbackId, long version, String openId, String text, int attempts,
                             int refusals) implements OutboxEntry {
    public PendingMessage {
        Text.requireNonBlank(feedbackId, "feedbackId");
        Text.requireNonBlank(openId, "openId");
        Text.requireNonBlank(text, "text");
        if (refusals < 0 || attempts < refusals) {
            throw new IllegalArgumentException("need 0 <= refusals <= attempts");
        }
    }

    @Override
    public String toString() {
        return "PendingMessage[id=" + id + ", feedbackId=" + feedbackId + ", version=" + version + "]";
    }
}
