package dev.larkinbox.domain.reply;

import dev.larkinbox.domain.sync.Backoff;
import dev.larkinbox.domain.sync.OutboxDrain;
import dev.larkinbox.domain.sync.SyncReport;
import java.time.Clock;
import java.time.Duration;

/**
 * Drains the reporters' outbox through the app's bot, as {@link OutboxDrain} does. Each message is keyed on its
 * feedback and history entry, so a retry after an answer that never reached us does not write twice. Lark allows 5
 * messages a second to one person: messages are written by hand or one per resolution, and a drain sends them one
 * at a time, each after Lark's answer to the one before; a rate limit Lark answers anyway is a try-later
 * ({@link dev.larkinbox.domain.platform.LarkUnavailableException}), so the message waits out the backoff and is
 * never given up for it.
 */
public final class ReporterMessageService implements SendReporterMessages {
    private final OutboxDrain<PendingMessage> drain;

    /** @param lease how long a claimed entry stays hidden from other workers: longer than sending a batch takes */
    public ReporterMessageService(ReporterOutbox outbox, LarkBot bot, Backoff backoff, Duration lease, int batchSize,
                                  int maxRefusals, Clock clock) {
        this.drain = new OutboxDrain<>(outbox,
                pending -> bot.send(pending.openId(), pending.text(), pending.feedbackId() + "\n" + pending.version()),
                backoff, lease, batchSize, maxRefusals, clock);
    }

    @Override
    public SyncReport sendDue() {
        return drain.drain();
    }
}
