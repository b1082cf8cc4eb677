package dev.larkinbox.inbound.jobs;

import dev.larkinbox.domain.sync.SyncReport;
import dev.larkinbox.domain.sync.SyncStatusToLark;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drains the outbox into Lark every {@code inbox.sync.poll-interval}, from the start: entries left by an earlier
 * run of the service (or a crashed instance, once their lease ends) go out first. Runs only where status sync is
 * on, that is where the use case exists.
 */
@Singleton
@Requires(beans = SyncStatusToLark.class)
public class StatusSyncJob {
    private static final Logger LOG = LoggerFactory.getLogger(StatusSyncJob.class);

    private final SyncStatusToLark sync;

    StatusSyncJob(SyncStatusToLark sync) {
        this.sync = sync;
    }

    void syncDue() {
        JobRun.logged("status sync to Lark", () -> {
            SyncReport report = sync.syncDue();
            if (!report.equals(SyncReport.NOTHING)) {
                LOG.info("statuses sent to Lark: {} delivered, {} to try again, {} given up", report.delivered(),
                        report.retrying(), report.abandoned());
            }
        });
    }
}
