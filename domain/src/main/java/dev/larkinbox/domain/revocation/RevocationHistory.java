package dev.larkinbox.domain.revocation;

import dev.larkinbox.domain.event.CompletedFutures;
import dev.larkinbox.domain.event.Delivery;
import dev.larkinbox.domain.paging.Page;
import dev.larkinbox.domain.paging.PageRequest;
import java.util.concurrent.CompletableFuture;

/** Outgoing port: the stored history of revocations. */
public interface RevocationHistory {

    /**
     * Stores the revocation and its ledger entry in one transaction. An event id seen before (of any type)
     * stores nothing and is a {@link Delivery#DUPLICATE}, also when two deliveries race.
     *
     * @throws dev.larkinbox.domain.event.StorageUnavailableException when nothing could be committed
     */
    Delivery append(RecordRevocationCommand command);

    /** As {@link #append}, answered by a future once committed; it fails as {@code append} throws. */
    default CompletableFuture<Delivery> appendAsync(RecordRevocationCommand command) {
        return CompletedFutures.now(() -> append(command));
    }

    /** Newest first, by the time we received them. */
    Page<RecordedRevocation> list(RevocationFilter filter, PageRequest page);
}
