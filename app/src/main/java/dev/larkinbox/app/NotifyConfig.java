package dev.larkinbox.app;

import dev.larkinbox.domain.card.DigestSchedule;
import dev.larkinbox.domain.card.NotificationPolicy;
import dev.larkinbox.domain.triage.Priority;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Optional;

/**
 * Chat cards: {@code inbox.notify.*}.
 *
 * @param chatId       {@code inbox.notify.chat-id}: the {@code oc_...} chat the cards go to; cards are off without
 *                     it (or without the app's credentials)
 * @param minPriority  {@code inbox.notify.min-priority}: feedback at least this urgent gets a card
 * @param pollInterval {@code inbox.notify.poll-interval}: how often the card outbox is looked at
 * @param digest       {@code inbox.notify.digest.*}: the daily digest
 */
@ConfigurationProperties("inbox.notify")
record NotifyConfig(@Nullable String chatId, @Bindable(defaultValue = "P2") Priority minPriority,
                    @Bindable(defaultValue = "2s") @NotNull Duration pollInterval, @Valid @NotNull Digest digest) {

    NotifyConfig {
        chatId = chatId == null || chatId.isBlank() ? null : chatId.strip();
        ConfigurationProblems.requirePositive("inbox.notify.poll-interval", pollInterval);
    }

    /** When the daily digest is posted; empty when it is off (no time set). */
    Optional<DigestSchedule> digestSchedule() {
        return digest.schedule();
    }

    /**
     * Checked whether cards are on or not: a setting that is wrong today fails the day cards are turned on.
     *
     * @param time          {@code inbox.notify.digest.time}, such as {@code 09:00}; the digest is off without it
     * @param zone          {@code inbox.notify.digest.zone}: the zone of {@code time} and of the digest's day
     * @param checkInterval {@code inbox.notify.digest.check-interval}: how often the digest job looks whether the
     *                      day's digest is due
     */
    @ConfigurationProperties("digest")
    record Digest(@Nullable String time, @Bindable(defaultValue = "Asia/Shanghai") @NotNull String zone,
                  @Bindable(defaultValue = "1m") @NotNull Duration checkInterval) {
        Digest {
            time = time == null || time.isBlank() ? null : time.strip();
            zone = zone.strip();
            if (time != null) {
                timeOfDay(time);
            }
            zoneId(zone);
            ConfigurationProblems.requirePositive("inbox.notify.digest.check-interval", checkInterval);
        }

        Optional<DigestSchedule> schedule() {
            return time == null ? Optional.empty() : Optional.of(new DigestSchedule(timeOfDay(time), zoneId(zone)));
        }

        private static LocalTime timeOfDay(String time) {
            try {
                return LocalTime.parse(time);
            } catch (DateTimeException e) {
                throw ConfigurationProblems.refused("inbox.notify.digest.time", "a time of day such as 09:00", time);
            }
        }

        private static ZoneId zoneId(String zone) {
            try {
                return ZoneId.of(zone);
            } catch (DateTimeException e) {
                throw ConfigurationProblems.refused("inbox.notify.digest.zone",
                        "a time zone such as Asia/Shanghai, Europe/Berlin or UTC", zone);
            }
        }
    }

    /** Which feedback gets a card: none unless a chat is named and Lark can be called. */
    NotificationPolicy policy(boolean credentials) {
        return chatId != null && credentials ? new NotificationPolicy(minPriority) : NotificationPolicy.OFF;
    }
}
