package dev.larkinbox.app;

import dev.larkinbox.domain.inbox.FeedbackInbox;
import dev.larkinbox.domain.recovery.RecoveryInbox;
import dev.larkinbox.domain.recovery.RecoveryService;
import dev.larkinbox.domain.sync.Backoff;
import dev.larkinbox.domain.sync.StatusOutbox;
import dev.larkinbox.domain.sync.StatusSyncService;
import dev.larkinbox.domain.triage.DefaultTriagePolicy;
import dev.larkinbox.outbound.lark.LarkApiSettings;
import dev.larkinbox.outbound.lark.LarkOpenApi;
import dev.larkinbox.outbound.lark.RecoveryJob;
import dev.larkinbox.outbound.lark.StatusSyncWorker;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * Lark's open API, the outbox worker and the recovery job, when the app's credentials are configured. The worker
 * and the job start with the service and stop before the database does.
 */
@Factory
@Requires(condition = LarkApiConfig.CredentialsConfigured.class)
class LarkWiring {
    /** Claimed outbox entries stay hidden this long from other instances: far longer than a batch takes. */
    private static final Duration LEASE = Duration.ofMinutes(2);
    private static final int BATCH = 20;
    private static final int MAX_REFUSALS = 5;

    @Singleton
    LarkOpenApi larkOpenApi(@Value("${lark.app-id}") String appId, @Value("${lark.app-secret}") String appSecret,
                            @Value("${lark.domain:https://open.feishu.cn}") String domain,
                            @Value("${lark.api-timeout:10s}") Duration timeout,
                            @Value("${lark.feedback-operator-id:}") String operatorId) {
        return new LarkOpenApi(new LarkApiSettings(appId, appSecret, domain, timeout, operatorId));
    }

    @Singleton
    @Requires(condition = LarkApiConfig.SyncEnabled.class)
    StatusSyncService statusSync(StatusOutbox outbox, LarkOpenApi lark,
                                 @Value("${inbox.sync.backoff.first:5s}") Duration first,
                                 @Value("${inbox.sync.backoff.max:10m}") Duration max) {
        return new StatusSyncService(outbox, lark, new Backoff(first, max), LEASE, BATCH, MAX_REFUSALS,
                Clock.systemUTC());
    }

    @Context
    @Bean(preDestroy = "close")
    @Requires(condition = LarkApiConfig.SyncEnabled.class)
    StatusSyncWorker statusSyncWorker(StatusSyncService sync,
                                      @Value("${inbox.sync.poll-interval:2s}") Duration pollInterval) {
        return new StatusSyncWorker(sync, pollInterval);
    }

    /** @param appIds the apps whose feedback is recovered; the app itself when not set */
    @Singleton
    RecoveryService recovery(LarkOpenApi lark, FeedbackInbox inbox, RecoveryInbox recovered,
                             @Value("${lark.app-id}") String appId,
                             @Value("${inbox.recovery.app-ids:}") String appIds) {
        List<String> apps = Arrays.stream(appIds.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        return new RecoveryService(lark, inbox, recovered, new DefaultTriagePolicy(),
                apps.isEmpty() ? List.of(appId) : apps, Clock.systemUTC());
    }

    @Context
    @Bean(preDestroy = "close")
    RecoveryJob recoveryJob(RecoveryService recovery, @Value("${inbox.recovery.days:3}") int days,
                            @Value("${inbox.recovery.initial-delay:1m}") Duration initialDelay,
                            @Value("${inbox.recovery.interval:1h}") Duration interval) {
        return new RecoveryJob(recovery, days, initialDelay, interval);
    }
}
