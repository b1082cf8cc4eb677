package dev.larkinbox.outbound.db.card;

import dev.larkinbox.domain.card.CardOutbox;
import dev.larkinbox.domain.card.PendingCard;
import dev.larkinbox.outbound.db.postgres.LeasedOutbox;
import dev.larkinbox.outbound.db.postgres.StorageFailures;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.util.Locale;

/** The card outbox in PostgreSQL. */
@Singleton
public class PostgresCardOutbox extends LeasedOutbox<PendingCard> implements CardOutbox {
    private final CardOutboxRepository cards;
    private final TransactionOperations<Connection> transactions;

    public PostgresCardOutbox(CardOutboxRepository cards, TransactionOperations<Connection> transactions) {
        // an update edits the message its feedback's post became
        super("card_outbox", """
                o.id, o.feedback_id, o.kind, o.attempts, o.refusals, o.problem_id, o.occasion,
                (SELECT p.message_id FROM card_outbox p
                 WHERE p.feedback_id = o.feedback_id AND p.kind = 'post') AS message_id""",
                row -> new PendingCard(row.getLong("id"), row.getString("feedback_id"),
                        PendingCard.Kind.valueOf(row.getString("kind").toUpperCase(Locale.ROOT)),
                        row.getString("message_id"), row.getInt("attempts"), row.getInt("refusals"),
                        row.getString("problem_id"), row.getString("occasion")),
                transactions);
        this.cards = cards;
        this.transactions = transactions;
    }

    @Override
    public void messagePosted(long id, String messageId) {
        StorageFailures.writing(() -> transactions.executeWrite(status -> {
            cards.messagePosted(id, messageId);
            return null;
        }));
    }
}
