package dev.larkinbox.domain.sync;

import dev.larkinbox.domain.platform.LarkRefusedException;
import dev.larkinbox.domain.platform.LarkUnavailableException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Drains an outbox into Lark. A failure to reach Lark is retried with backoff for as long as it takes; an entry
 * Lark refuses is retried too (a refusal can be passing, such as a rate limit) but given up at its
 * {@code maxRefusals}th refusal, so that it does not hold back the feedback's later entries for ever; a
 * {@linkplain LarkRefusedException#permanent() permanent} refusal gives it up at once.
 */
public final class OutboxDrain<E extends OutboxEntry> {

    /** Sends one entry to Lark. */
    @FunctionalInterface
    public interface Sender<E> {
        /**
         * @throws LarkUnavailableException Lark could not be reached: try later
         * @throws LarkRefusedException     Lark answered with an error code
         */
        void send(E entry);
    }

    private final Outbox<E> outbox;
    private final Sender<E> sender;
    private final Backoff backoff;
    private final Duration lease;
    private final int batchSize;
    private final int maxRefusals;
    private final Clock clock;

    /**
     * @param lease how long a claimed entry stays hidden from other workers: longer than sending a batch takes
     */
    public OutboxDrain(Outbox<E> outbox, Sender<E> sender, Backoff backoff, Duration lease, int batchSize,
                       int maxRefusals, Clock clock) {
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        this.sender = Objects.requireNonNull(sender, "sender");
        this.backoff = Objects.requireNonNull(backoff, "backoff");
        this.lease = Objects.requireNonNull(lease, "lease");
        if (lease.isNegative() || lease.isZero() || batchSize < 1 || maxRefusals < 1) {
            throw new IllegalArgumentException("lease, batch size and max refusals must be positive");
        }
        this.batchSize = batchSize;
        this.maxRefusals = maxRefusals;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Sends every entry that is due, until none is or Lark cannot be reached. */
    public SyncReport drain() {
        int delivered = 0;
        int retrying = 0;
        int abandoned = 0;
        while (true) {
            Instant now = clock.instant();
            List<E> batch = outbox.claimDue(now, now.plus(lease), batchSize);
            if (batch.isEmpty()) {
                return new SyncReport(delivered, retrying, abandoned);
            }
            for (int i = 0; i < batch.size(); i++) {
                switch (send(batch.get(i))) {
                    case DELIVERED -> delivered++;
                    case REFUSED -> retrying++;
                    case ABANDONED -> abandoned++;
                    case UNAVAILABLE -> {
                        // Lark is unreachable: the rest of the batch waits as long as the entry that found out
                        Instant retryAt = retryAt(batch.get(i));
                        batch.subList(i + 1, batch.size()).forEach(rest -> outbox.release(rest.id(), retryAt));
                        return new SyncReport(delivered, retrying + 1, abandoned);
                    }
                }
            }
        }
    }

    private enum Outcome { DELIVERED, UNAVAILABLE, REFUSED, ABANDONED }

    private Outcome send(E pending) {
        try {
            sender.send(pending);
            outbox.delivered(pending.id(), clock.instant());
            return Outcome.DELIVERED;
        } catch (LarkUnavailableException e) {
            outbox.retryLater(pending.id(), false, retryAt(pending), e.getMessage());
            return Outcome.UNAVAILABLE;
        } catch (LarkRefusedException e) {
            if (e.permanent() || pending.refusals() + 1 >= maxRefusals) {
                outbox.abandon(pending.id(), clock.instant(), e.reason());
                return Outcome.ABANDONED;
            }
            outbox.retryLater(pending.id(), true, retryAt(pending), e.getMessage());
            return Outcome.REFUSED;
        }
    }

    private Instant retryAt(E failed) {
        return clock.instant().plus(backoff.delayAfter(failed.attempts() + 1));
    }
}
