package dev.larkinbox.outbound.db.postgres;

import dev.larkinbox.domain.event.Delivery;
import java.util.Objects;

/**
 * What became of one write of a batch.
 *
 * @param statusAwaited a feedback write (not a conflict) for which a status set in Lark before it arrived waits, as
 *                      the batch's own transaction saw; false for every other write
 */
public record StoredWrite(Delivery delivery, boolean statusAwaited) {
    public StoredWrite {
        Objects.requireNonNull(delivery, "delivery");
    }
}
