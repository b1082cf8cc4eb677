package dev.larkinbox.app;

import dev.larkinbox.domain.card.CardDeliveryService;
import dev.larkinbox.domain.card.CardOutbox;
import dev.larkinbox.domain.card.DigestFacts;
import dev.larkinbox.domain.card.DigestService;
import dev.larkinbox.domain.card.NotificationPolicy;
import dev.larkinbox.domain.inbox.FeedbackInbox;
import dev.larkinbox.domain.person.People;
import dev.larkinbox.domain.problem.ProblemBoard;
import dev.larkinbox.domain.recovery.RecoveryInbox;
import dev.larkinbox.domain.recovery.RecoveryService;
import dev.larkinbox.domain.reply.ReporterMessageService;
import dev.larkinbox.domain.reply.ReporterOutbox;
import dev.larkinbox.domain.sync.Backoff;
import dev.larkinbox.domain.sync.StatusOutbox;
import dev.larkinbox.domain.sync.StatusSyncService;
import dev.larkinbox.domain.triage.DefaultTriagePolicy;
import dev.larkinbox.outbound.lark.LarkApiSettings;
import dev.larkinbox.outbound.lark.LarkOpenApi;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Lark's open API and the use cases that call it, when the app's credentials are configured. The jobs that drive
 * them (adapters-inbound-jobs) run where these beans exist.
 */
@Factory
@Requires(condition = LarkApiConfig.CredentialsConfigured.class)
class LarkWiring {
    /** Claimed outbox entries stay hidden this long from other instances: far longer than a batch takes. */
    private static final Duration LEASE = Duration.ofMinutes(2);
    private static final int BATCH = 20;
    private static final int MAX_REFUSALS = 5;

    @Singleton
    LarkOpenApi larkOpenApi(LarkConfig lark) {
        return new LarkOpenApi(new LarkApiSettings(lark.appId(), lark.appSecret(), lark.domain().toString(),
                lark.apiTimeout(), lark.feedbackOperatorId()));
    }

    @Singleton
    @Requires(condition = LarkApiConfig.SyncEnabled.class)
    StatusSyncService statusSync(StatusOutbox outbox, LarkOpenApi lark, SyncConfig config) {
        SyncConfig.Backoff backoff = config.sync().backoff();
        return new StatusSyncService(outbox, lark, new Backoff(backoff.first(), backoff.max()), LEASE, BATCH,
                MAX_REFUSALS, Clock.systemUTC());
    }

    @Singleton
    @Requires(condition = LarkApiConfig.NotificationsEnabled.class)
    CardDeliveryService cardDelivery(CardOutbox outbox, FeedbackInbox inbox, ProblemBoard problems, LarkOpenApi lark,
                                     NotifyConfig notify, PublicUrlConfig links, People people, SyncConfig config) {
        SyncConfig.Backoff backoff = config.sync().backoff();
        return new CardDeliveryService(outbox, inbox, problems, lark.chat(notify.chatId()), links.publicUrl(), people,
                new Backoff(backoff.first(), backoff.max()), LEASE, BATCH, MAX_REFUSALS, Clock.systemUTC());
    }

    /** Messages to reporters, from the app's bot, wherever Lark can be called. */
    @Singleton
    ReporterMessageService reporterMessages(ReporterOutbox outbox, LarkOpenApi lark, SyncConfig config) {
        SyncConfig.Backoff backoff = config.sync().backoff();
        return new ReporterMessageService(outbox, lark.bot(), new Backoff(backoff.first(), backoff.max()), LEASE,
                BATCH, MAX_REFUSALS, Clock.systemUTC());
    }

    /** The daily digest, where cards are on and {@code inbox.notify.digest.time} is set. */
    @Singleton
    @Requires(condition = LarkApiConfig.DigestEnabled.class)
    DigestService digest(DigestFacts facts, LarkOpenApi lark, NotifyConfig notify, PublicUrlConfig links) {
        return new DigestService(facts, lark.chat(notify.chatId()), notify.digestSchedule().orElseThrow(),
                links.publicUrl(), Clock.systemUTC());
    }

    @Singleton
    RecoveryService recovery(LarkOpenApi lark, FeedbackInbox inbox, RecoveryInbox recovered,
                             NotificationPolicy notifications, LarkConfig larkConfig, RecoveryConfig config) {
        List<String> apps = config.appIds() == null ? List.of()
                : config.appIds().stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
        return new RecoveryService(lark, inbox, recovered, new DefaultTriagePolicy(), notifications,
                apps.isEmpty() ? List.of(larkConfig.appId()) : apps, config.days(), Clock.systemUTC());
    }
}
