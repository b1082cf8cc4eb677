package dev.larkinbox.domain.sync;

import java.time.Clock;
import java.time.Duration;

/** Drains the status outbox into Lark's feedback statuses, as {@link OutboxDrain} does. */
public final class StatusSyncService implements SyncStatusToLark {
    private final OutboxDrain<PendingSync> drain;

    /**
     * @param lease how long a claimed entry stays hidden from other workers: longer than sending a batch takes
     */
    public StatusSyncService(StatusOutbox outbox, LarkStatusApi lark, Backoff backoff, Duration lease, int batchSize,
                             int maxRefusals, Clock clock) {
        this.drain = new OutboxDrain<>(outbox,
                pending -> lark.setStatus(pending.sync().appId(), pending.sync().feedbackId(), pending.sync().status()),
                backoff, lease, batchSize, maxRefusals, clock);
    }

    @Override
    public SyncReport syncDue() {
        return drain.drain();
    }
}
