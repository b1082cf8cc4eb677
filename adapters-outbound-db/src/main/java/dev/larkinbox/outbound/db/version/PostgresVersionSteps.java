package dev.larkinbox.outbound.db.version;

import static dev.larkinbox.outbound.db.postgres.PostgresText.storable;

import dev.larkinbox.domain.event.Delivery;
import dev.larkinbox.domain.version.AppVersion;
import dev.larkinbox.domain.version.RecordVersionStepCommand;
import dev.larkinbox.domain.version.VersionSteps;
import dev.larkinbox.domain.version.VersionTimeline;
import dev.larkinbox.domain.version.Versions;
import dev.larkinbox.outbound.db.ledger.LedgerRow;
import dev.larkinbox.outbound.db.postgres.EventWrite;
import dev.larkinbox.outbound.db.postgres.EventWrites;
import dev.larkinbox.outbound.db.postgres.StorageFailures;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;

/** Versions' applications and reviews in PostgreSQL, and each app's versions read back with the revocations. */
@Singleton
public class PostgresVersionSteps implements VersionSteps, VersionTimeline {
    private final VersionEventRepository versions;
    private final EventWrites writes;

    public PostgresVersionSteps(VersionEventRepository versions, EventWrites writes) {
        this.versions = versions;
        this.writes = writes;
    }

    @Override
    public Delivery append(RecordVersionStepCommand command) {
        // The ledger entry decides: it conflicts on an event id of any type, and the row has no other key.
        return writes.commit(EventWrite.version(LedgerRow.stored(command.meta()), VersionEventRow.of(command)));
    }

    @Override
    public List<AppVersion> versions(String appId) {
        List<VersionMentionView> rows = StorageFailures.reading(() -> versions.mentions(storable(appId)));
        return Versions.of(appId, rows.stream().map(VersionMentionView::toDomain).toList());
    }

    @Override
    public List<String> appsWithStepsSince(Instant since) {
        return StorageFailures.reading(() -> versions.appsSince(since));
    }
}
