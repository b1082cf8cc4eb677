package dev.larkinbox.outbound.db.reply;

import static dev.larkinbox.outbound.db.postgres.PostgresText.storable;

import dev.larkinbox.domain.inbox.FeedbackStatus;
import dev.larkinbox.domain.reply.PendingMessage;
import dev.larkinbox.domain.reply.ReporterFeedback;
import dev.larkinbox.domain.reply.ReporterMessage;
import dev.larkinbox.domain.reply.ReporterOutbox;
import dev.larkinbox.domain.reply.SentMessage;
import dev.larkinbox.domain.workflow.Actor;
import dev.larkinbox.outbound.db.postgres.LeasedOutbox;
import dev.larkinbox.outbound.db.postgres.PostgresReasons;
import dev.larkinbox.outbound.db.postgres.StorageFailures;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.util.List;

/** The reporters' outbox in PostgreSQL, and the reporter's other feedback. */
@Singleton
public class PostgresReporterOutbox extends LeasedOutbox<PendingMessage> implements ReporterOutbox, ReporterFeedback {
    private final ReporterOutboxRepository messages;

    public PostgresReporterOutbox(ReporterOutboxRepository messages, TransactionOperations<Connection> transactions) {
        // the reporter is read from the feedback when the message is sent
        super("reporter_outbox", """
                o.id, o.feedback_id, o.version, o.text, o.attempts, o.refusals,
                (SELECT f.user_open_id FROM feedback f WHERE f.feedback_id = o.feedback_id) AS open_id""",
                row -> new PendingMessage(row.getLong("id"), row.getString("feedback_id"), row.getLong("version"),
                        row.getString("open_id"), row.getString("text"), row.getInt("attempts"),
                        row.getInt("refusals")),
                transactions);
        this.messages = messages;
    }

    @Override
    public List<SentMessage> messages(String feedbackId) {
        return StorageFailures.reading(() -> messages.messages(storable(feedbackId))).stream()
                .map(PostgresReporterOutbox::sent).toList();
    }

    @Override
    public List<OtherFeedback> otherFeedback(String feedbackId) {
        return StorageFailures.reading(() -> messages.otherFeedback(storable(feedbackId), MAX_LISTED)).stream()
                .map(r -> new OtherFeedback(r.feedbackId(), r.receivedAt(), FeedbackStatus.fromLabel(r.status())))
                .toList();
    }

    private static SentMessage sent(ReporterOutboxRow row) {
        SentMessage.State state = row.deliveredAt() != null ? SentMessage.State.DELIVERED
                : row.abandonedAt() != null ? SentMessage.State.NOT_DELIVERED : SentMessage.State.PENDING;
        return new SentMessage(row.id(), row.feedbackId(), row.version(), ReporterMessage.Kind.fromLabel(row.kind()),
                row.text(), new Actor(row.actorName(), Actor.Kind.fromLabel(row.actorKind())), row.requestedAt(),
                state, row.deliveredAt() != null ? row.deliveredAt() : row.abandonedAt(),
                // why it was given up is keyed (LeasedOutbox.abandon); a message given up before keys has its text
                state == SentMessage.State.NOT_DELIVERED ? PostgresReasons.ofStored(row.lastError()) : null);
    }
}
