package dev.larkinbox.outbound.db.inbox;

import static dev.larkinbox.outbound.db.postgres.PostgresText.storable;

import dev.larkinbox.domain.event.Delivery;
import dev.larkinbox.domain.inbox.FeedbackFilter;
import dev.larkinbox.domain.inbox.FeedbackInbox;
import dev.larkinbox.domain.inbox.TriagedFeedback;
import dev.larkinbox.domain.ledger.LedgerOutcome;
import dev.larkinbox.domain.paging.Page;
import dev.larkinbox.domain.paging.PageRequest;
import dev.larkinbox.domain.recovery.RecoveryInbox;
import dev.larkinbox.outbound.db.card.CardOutboxRepository;
import dev.larkinbox.outbound.db.ledger.LedgerRepository;
import dev.larkinbox.outbound.db.ledger.LedgerRow;
import dev.larkinbox.outbound.db.postgres.EventWrites;
import dev.larkinbox.outbound.db.postgres.Keyset;
import dev.larkinbox.outbound.db.postgres.StorageFailures;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The feedback inbox in PostgreSQL, also taking feedback recovered from Lark's open API. */
@Singleton
public class PostgresFeedbackInbox implements FeedbackInbox, RecoveryInbox {
    private static final String LISTING = "feedback";

    private final FeedbackRepository feedback;
    private final LedgerRepository ledger;
    private final CardOutboxRepository cards;
    private final EventWrites writes;

    public PostgresFeedbackInbox(FeedbackRepository feedback, LedgerRepository ledger, CardOutboxRepository cards,
                                 EventWrites writes) {
        this.feedback = feedback;
        this.ledger = ledger;
        this.cards = cards;
        this.writes = writes;
    }

    @Override
    public Delivery add(TriagedFeedback item, String rawEvent, boolean announce) {
        Objects.requireNonNull(rawEvent, "rawEvent");
        return add(item, LedgerRow.stored(item.meta()), rawEvent, announce);
    }

    @Override
    public Delivery addRecovered(TriagedFeedback item, String raw, boolean announce) {
        Objects.requireNonNull(raw, "raw");
        return add(item, LedgerRow.of(item.meta(), LedgerOutcome.RECOVERED, null, null), raw, announce);
    }

    private Delivery add(TriagedFeedback item, LedgerRow entry, String raw, boolean announce) {
        FeedbackRow row = FeedbackRow.of(item, raw);
        // Both inserts skip conflicts instead of checking first, so racing deliveries cannot both store. The
        // ledger entry goes first: it conflicts on an event id of any type.
        return writes.commit(() -> {
            if (!ledger.insert(entry)) {
                return Delivery.DUPLICATE;
            }
            if (!feedback.insert(row)) {
                // the feedback id came before under another event: a redelivery (of the same app) leaves no
                // trace; the same id for another app is another feedback, kept aside raw as a conflict
                ledger.withdraw(entry.eventId());
                if (feedback.existsForApp(row.feedbackId(), row.appId())) {
                    return Delivery.DUPLICATE;
                }
                ledger.insertConflict(entry.eventId(), entry.transport(), entry.receivedAt(), row.rawEvent());
                return Delivery.CONFLICT;
            }
            if (announce) {
                cards.insertPost(row.feedbackId(), item.meta().receivedAt());
            }
            return Delivery.NEW;
        });
    }

    @Override
    public Page<TriagedFeedback> list(FeedbackFilter filter, PageRequest page) {
        Keyset after = Keyset.fromCursor(page.cursor(), LISTING);
        List<FeedbackView> rows = StorageFailures.reading(() -> feedback.list(storable(filter.appId()),
                filter.status() == null ? null : filter.status().label(),
                filter.priority() == null ? null : filter.priority().name(),
                filter.type() == null ? null : filter.type().code(), storable(filter.assignee()),
                after == null ? null : after.receivedAt(), after == null ? null : after.eventId(), page.limit() + 1));
        return Keyset.page(rows, page.limit(), LISTING, FeedbackView::position, FeedbackView::toDomain);
    }

    @Override
    public Optional<TriagedFeedback> find(String feedbackId) {
        return StorageFailures.reading(() -> feedback.find(storable(feedbackId))).map(FeedbackView::toDomain);
    }
}
