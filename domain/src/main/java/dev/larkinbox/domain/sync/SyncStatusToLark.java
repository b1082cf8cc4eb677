package dev.larkinbox.domain.sync;

/** Use case: send Lark every status change that is due, in order per feedback. */
public interface SyncStatusToLark {
    SyncReport syncDue();
}
