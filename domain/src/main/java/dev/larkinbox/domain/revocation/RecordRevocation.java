package dev.larkinbox.domain.revocation;

import dev.larkinbox.domain.event.CompletedFutures;
import dev.larkinbox.domain.event.Delivery;
import java.util.concurrent.CompletableFuture;

/** Use case: add a revocation to the history, once per event. */
public interface RecordRevocation {
    Delivery record(RecordRevocationCommand command);

    /** As {@link #record}, answered by a future once committed, so that no thread waits for the commit. */
    default CompletableFuture<Delivery> recordAsync(RecordRevocationCommand command) {
        return CompletedFutures.now(() -> record(command));
    }
}
