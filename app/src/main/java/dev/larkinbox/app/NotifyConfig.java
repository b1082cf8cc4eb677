package dev.larkinbox.app;

import dev.larkinbox.domain.card.DigestSchedule;
import dev.larkinbox.domain.card.NotificationPolicy;
import dev.larkinbox.domain.triage.Priority;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Optional;

/**
 * Chat cards: {@code inbox.notify.*}.
 *
 * @param chatId      {@code inbox.notify.chat-id}: the {@code oc_...} chat the cards go to; cards are off without
 *                    it (or without the app's credentials)
 * @param minPriority {@code inbox.notify.min-priority}: feedback at least this urgent gets a card
 * @param digest      {@code inbox.notify.digest.*}: the daily digest; null when none of it is set
 */
@ConfigurationProperties("inbox.notify")
record NotifyConfig(@Nullable String chatId, @Bindable(defaultValue = "P2") Priority minPriority,
                    @Nullable Digest digest) {

    NotifyConfig {
        chatId = chatId == null || chatId.isBlank() ? null : chatId.strip();
    }

    /** When the daily digest is posted; empty when it is off (no time set). */
    Optional<DigestSchedule> digestSchedule() {
        return digest == null ? Optional.empty() : digest.schedule();
    }

    /**
     * @param time {@code inbox.notify.digest.time}, such as {@code 09:00}; the digest is off without it
     * @param zone {@code inbox.notify.digest.zone}: the zone of {@code time} and of the digest's day
     */
    @ConfigurationProperties("digest")
    record Digest(@Nullable String time, @Bindable(defaultValue = "Asia/Shanghai") String zone) {
        Digest {
            time = time == null || time.isBlank() ? null : time.strip();
            zone = zone.strip();
            schedule(); // a time or zone that is not one fails at start, not at the first digest
        }

        Optional<DigestSchedule> schedule() {
            if (time == null) {
                return Optional.empty();
            }
            try {
                return Optional.of(new DigestSchedule(LocalTime.parse(time), ZoneId.of(zone)));
            } catch (DateTimeException e) {
                throw new IllegalArgumentException("inbox.notify.digest.time must be a time such as 09:00 and "
                        + "inbox.notify.digest.zone a zone such as Asia/Shanghai, not " + time + " " + zone, e);
            }
        }
    }

    /** Which feedback gets a card: none unless a chat is named and Lark can be called. */
    NotificationPolicy policy(boolean credentials) {
        return chatId != null && credentials ? new NotificationPolicy(minPriority) : NotificationPolicy.OFF;
    }
}
