package dev.larkinbox.inbound.jobs;

import dev.larkinbox.domain.reply.SendReporterMessages;
import dev.larkinbox.domain.sync.SyncReport;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drains the reporters' outbox through the app's bot every {@code inbox.sync.poll-interval}, from the start, as
 * {@link StatusSyncJob} drains statuses. Runs only where Lark can be called, that is where the use case exists.
 */
@Singleton
@Requires(beans = SendReporterMessages.class)
public class ReporterMessageJob {
    private static final Logger LOG = LoggerFactory.getLogger(ReporterMessageJob.class);

    private final SendReporterMessages messages;

    ReporterMessageJob(SendReporterMessages messages) {
        this.messages = messages;
    }

    void sendDue() {
        JobRun.logged("messages to reporters", () -> {
            SyncReport report = messages.sendDue();
            if (!report.equals(SyncReport.NOTHING)) {
                LOG.info("messages to reporters: {} sent, {} to try again, {} given up", report.delivered(),
                        report.retrying(), report.abandoned());
            }
        });
    }
}
