package dev.larkinbox.outbound.lark;

import dev.larkinbox.domain.sync.SyncReport;
import dev.larkinbox.domain.sync.SyncStatusToLark;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drains the outbox into Lark every {@code pollInterval}, from the start: entries left by an earlier run of the
 * service (or a crashed instance, once their lease ends) go out first.
 */
public final class StatusSyncWorker implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StatusSyncWorker.class);

    private final PeriodicTask task;

    public StatusSyncWorker(SyncStatusToLark sync, Duration pollInterval) {
        this.task = new PeriodicTask("lark-status-sync", Duration.ZERO, pollInterval, () -> log(sync.syncDue()));
    }

    private static void log(SyncReport report) {
        if (!report.equals(SyncReport.NOTHING)) {
            LOG.info("statuses sent to Lark: {} delivered, {} to try again, {} given up", report.delivered(),
                    report.retrying(), report.abandoned());
        }
    }

    @Override
    public void close() {
        task.close();
    }
}
