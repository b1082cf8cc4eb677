package dev.larkinbox.app;

import dev.larkinbox.domain.card.NotificationPolicy;
import dev.larkinbox.domain.triage.Priority;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * Chat cards: {@code inbox.notify.*}.
 *
 * @param chatId      {@code inbox.notify.chat-id}: the {@code oc_...} chat the cards go to; cards are off without
 *                    it (or without the app's credentials)
 * @param minPriority {@code inbox.notify.min-priority}: feedback at least this urgent gets a card
 */
@ConfigurationProperties("inbox.notify")
record NotifyConfig(@Nullable String chatId, @Bindable(defaultValue = "P2") Priority minPriority) {

    NotifyConfig {
        chatId = chatId == null || chatId.isBlank() ? null : chatId.strip();
    }

    /** Which feedback gets a card: none unless a chat is named and Lark can be called. */
    NotificationPolicy policy(boolean credentials) {
        return chatId != null && credentials ? new NotificationPolicy(minPriority) : NotificationPolicy.OFF;
    }
}
