package dev.larkinbox.domain.sync;

import java.util.Objects;

/**
 * An outbox entry not yet taken by Lark.
 *
 * @param attempts how often sending it failed so far, for any reason
 * @param refusals how many of those failures were Lark refusing it
 */
public record PendingSync(long id, StatusSync sync, int attempts, int refusals) implements OutboxEntry {
    public PendingSync {
        Objects.requireNonNull(sync, "sync");
        if (refusals < 0 || attempts < refusals) {
            throw new IllegalArgumentException("need 0 <= refusals <= attempts");
        }
    }
}
