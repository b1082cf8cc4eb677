package dev.larkinbox.outbound.db.workflow;

import static dev.larkinbox.outbound.db.postgres.PostgresText.storable;

import dev.larkinbox.domain.event.Delivery;
import dev.larkinbox.domain.event.EventMeta;
import dev.larkinbox.domain.ledger.LedgerOutcome;
import dev.larkinbox.domain.workflow.AwaitedStatus;
import dev.larkinbox.domain.workflow.ConcurrentChangeException;
import dev.larkinbox.domain.workflow.FeedbackWorkflowStore;
import dev.larkinbox.domain.workflow.HistoryEntry;
import dev.larkinbox.domain.workflow.LarkFeedbackStatus;
import dev.larkinbox.domain.workflow.WorkflowChange;
import dev.larkinbox.outbound.db.card.CardOutboxRepository;
import dev.larkinbox.outbound.db.ledger.LedgerRepository;
import dev.larkinbox.outbound.db.ledger.LedgerRow;
import dev.larkinbox.outbound.db.postgres.StorageFailures;
import dev.larkinbox.outbound.db.reply.ReporterOutboxRepository;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Changes to feedback in PostgreSQL: the feedback row, its history, its outbox entry, the update of its chat
 * card and the message to its reporter in one transaction, the version checked by the UPDATE itself.
 */
@Singleton
public class PostgresWorkflowStore implements FeedbackWorkflowStore {
    private final WorkflowRepository workflow;
    private final OutboxRepository outbox;
    private final CardOutboxRepository cards;
    private final LedgerRepository ledger;
    private final ReporterOutboxRepository reporters;
    private final TransactionOperations<Connection> transactions;

    public PostgresWorkflowStore(WorkflowRepository workflow, OutboxRepository outbox, CardOutboxRepository cards,
                                 LedgerRepository ledger, ReporterOutboxRepository reporters,
                                 TransactionOperations<Connection> transactions) {
        this.workflow = workflow;
        this.outbox = outbox;
        this.cards = cards;
        this.ledger = ledger;
        this.reporters = reporters;
        this.transactions = transactions;
    }

    @Override
    public boolean record(WorkflowChange change) {
        // a change that finds the feedback moved on writes nothing before it returns: no rollback needed
        return StorageFailures.writing(() -> transactions.executeWrite(status -> write(change, null)));
    }

    @Override
    public Delivery recordLarkEvent(EventMeta meta, String rawEvent, String problem, List<WorkflowChange> changes,
                                    AwaitedStatus awaited) {
        Objects.requireNonNull(rawEvent, "rawEvent");
        LedgerRow entry = LedgerRow.of(meta, LedgerOutcome.STORED, problem, rawEvent);
        // one order for every writer, so that two events naming the same feedback cannot deadlock
        List<WorkflowChange> ordered = changes.stream().sorted(Comparator.comparing(WorkflowChange::feedbackId)).toList();
        return StorageFailures.writing(() -> transactions.executeWrite(status -> {
            if (!ledger.insert(entry)) {
                return Delivery.DUPLICATE;
            }
            for (WorkflowChange change : ordered) {
                if (!write(change, entry.eventId())) {
                    // rolls back the ledger entry and the changes before this one
                    throw new ConcurrentChangeException("feedback " + change.feedbackId() + " moved on");
                }
            }
            for (String feedbackId : awaited.feedbackIds()) {
                workflow.insertAwaited(storable(feedbackId), entry.eventId(), awaited.status().code(),
                        entry.receivedAt());
            }
            return Delivery.NEW;
        }));
    }

    @Override
    public Optional<LarkFeedbackStatus> awaitedStatus(String feedbackId) {
        return StorageFailures.reading(() -> workflow.latestAwaited(storable(feedbackId)))
                .flatMap(LarkFeedbackStatus::fromCode);
    }

    @Override
    public void forgetAwaited(String feedbackId) {
        StorageFailures.writing(() -> transactions.executeWrite(status -> workflow.forgetAwaited(storable(feedbackId))));
    }

    @Override
    public List<HistoryEntry> history(String feedbackId) {
        return StorageFailures.reading(() -> workflow.history(storable(feedbackId))).stream()
                .map(HistoryRow::toDomain).toList();
    }

    private boolean write(WorkflowChange change, String eventId) {
        String feedbackId = storable(change.feedbackId());
        if (workflow.advance(feedbackId, change.fromVersion(), change.toVersion(), change.status().label(),
                storable(change.assignee()), change.priority().name()) == 0) {
            return false;
        }
        HistoryEntry e = change.entry();
        workflow.insertHistory(feedbackId, e.version(), e.at(), storable(e.actor().name()), e.actor().kind().label(),
                e.from().label(), e.to().label(), storable(e.assigneeBefore()), storable(e.assigneeAfter()),
                e.priorityBefore().name(), e.priorityAfter().name(), storable(e.note()), eventId);
        if (change.sync() != null) {
            outbox.insert(feedbackId, storable(change.sync().appId()), change.sync().status().code(),
                    change.sync().requestedAt());
        }
        if (change.message() != null) {
            reporters.insert(feedbackId, e.version(), change.message().kind().label(),
                    storable(change.message().text()), e.at());
        }
        cards.insertUpdate(feedbackId, e.at());
        return true;
    }
}
