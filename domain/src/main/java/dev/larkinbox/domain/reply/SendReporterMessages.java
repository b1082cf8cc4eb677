package dev.larkinbox.domain.reply;

import dev.larkinbox.domain.sync.SyncReport;

/** Use case: send every message to reporters that is due. */
public interface SendReporterMessages {
    SyncReport sendDue();
}
