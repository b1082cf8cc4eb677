package dev.larkinbox.domain.card;

import dev.larkinbox.domain.sync.SyncReport;

/** Use case: post and update every chat card that is due, in order per feedback. */
public interface SendCards {
    SyncReport sendDue();
}
