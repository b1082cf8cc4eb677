package dev.larkinbox.outbound.db.workflow;

import static dev.larkinbox.outbound.db.postgres.PostgresText.storable;

import dev.larkinbox.domain.sync.PendingSync;
import dev.larkinbox.domain.sync.StatusOutbox;
import dev.larkinbox.domain.sync.StatusSync;
import dev.larkinbox.domain.workflow.LarkFeedbackStatus;
import dev.larkinbox.outbound.db.postgres.LeasedOutbox;
import dev.larkinbox.outbound.db.postgres.StorageFailures;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;

/** The status outbox in PostgreSQL. */
@Singleton
public class PostgresStatusOutbox extends LeasedOutbox<PendingSync> implements StatusOutbox {
    private final OutboxRepository outbox;

    public PostgresStatusOutbox(OutboxRepository outbox, TransactionOperations<Connection> transactions) {
        super("status_outbox",
                "o.id, o.feedback_id, o.app_id, o.lark_status, o.requested_at, o.attempts, o.refusals",
                row -> {
                    long id = row.getLong("id");
                    int code = row.getInt("lark_status");
                    LarkFeedbackStatus status = LarkFeedbackStatus.fromCode(code)
                            .orElseThrow(() -> new IllegalStateException("outbox row " + id + " has status " + code));
                    return new PendingSync(id, new StatusSync(row.getString("feedback_id"), row.getString("app_id"),
                            status, row.getObject("requested_at", OffsetDateTime.class).toInstant()),
                            row.getInt("attempts"), row.getInt("refusals"));
                }, transactions);
        this.outbox = outbox;
    }

    @Override
    public boolean hasPending(String feedbackId) {
        return StorageFailures.reading(() -> outbox.countPending(storable(feedbackId))) > 0;
    }

    @Override
    public Optional<Instant> lastDelivered(String feedbackId) {
        return StorageFailures.reading(() -> outbox.lastDelivered(storable(feedbackId))).stream().findFirst();
    }
}
