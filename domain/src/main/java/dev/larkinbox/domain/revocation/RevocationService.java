package dev.larkinbox.domain.revocation;

import dev.larkinbox.domain.event.Delivery;
import dev.larkinbox.domain.paging.Page;
import dev.larkinbox.domain.paging.PageRequest;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/** Keeps the revocation history. */
public final class RevocationService implements RecordRevocation, BrowseRevocations {
    private final RevocationHistory history;

    public RevocationService(RevocationHistory history) {
        this.history = Objects.requireNonNull(history, "history");
    }

    @Override
    public Delivery record(RecordRevocationCommand command) {
        return history.append(command);
    }

    @Override
    public CompletableFuture<Delivery> recordAsync(RecordRevocationCommand command) {
        return history.appendAsync(command);
    }

    @Override
    public Page<RecordedRevocation> list(RevocationFilter filter, PageRequest page) {
        return history.list(filter, page);
    }
}
