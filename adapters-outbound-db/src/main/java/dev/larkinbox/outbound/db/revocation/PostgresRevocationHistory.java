package dev.larkinbox.outbound.db.revocation;

import static dev.larkinbox.outbound.db.postgres.PostgresText.storable;

import dev.larkinbox.domain.event.Delivery;
import dev.larkinbox.domain.paging.Page;
import dev.larkinbox.domain.paging.PageRequest;
import dev.larkinbox.domain.revocation.RecordRevocationCommand;
import dev.larkinbox.domain.revocation.RecordedRevocation;
import dev.larkinbox.domain.revocation.RevocationFilter;
import dev.larkinbox.domain.revocation.RevocationHistory;
import dev.larkinbox.outbound.db.ledger.LedgerRow;
import dev.larkinbox.outbound.db.postgres.EventWrite;
import dev.larkinbox.outbound.db.postgres.EventWrites;
import dev.larkinbox.outbound.db.postgres.Keyset;
import dev.larkinbox.outbound.db.postgres.StorageFailures;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** The revocation history in PostgreSQL. */
@Singleton
public class PostgresRevocationHistory implements RevocationHistory {
    private static final String LISTING = "revocation";

    private final RevocationRepository revocations;
    private final EventWrites writes;

    public PostgresRevocationHistory(RevocationRepository revocations, EventWrites writes) {
        this.revocations = revocations;
        this.writes = writes;
    }

    @Override
    public Delivery append(RecordRevocationCommand command) {
        return writes.commit(write(command));
    }

    @Override
    public CompletableFuture<Delivery> appendAsync(RecordRevocationCommand command) {
        return writes.submit(write(command));
    }

    /** The ledger entry decides: it conflicts on an event id of any type, and the revocation has no other key. */
    private static EventWrite write(RecordRevocationCommand command) {
        return EventWrite.revocation(LedgerRow.stored(command.meta()), RevocationRow.of(command));
    }

    @Override
    public Page<RecordedRevocation> list(RevocationFilter filter, PageRequest page) {
        Keyset after = Keyset.fromCursor(page.cursor(), LISTING);
        List<RevocationView> rows = StorageFailures.reading(() -> revocations.list(storable(filter.appId()),
                storable(filter.versionId()), after == null ? null : after.receivedAt(),
                after == null ? null : after.eventId(), page.limit() + 1));
        return Keyset.page(rows, page.limit(), LISTING, RevocationView::position, RevocationView::toDomain);
    }
}
