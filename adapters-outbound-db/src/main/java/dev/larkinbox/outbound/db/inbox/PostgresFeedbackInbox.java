package dev.larkinbox.outbound.db.inbox;

import static dev.larkinbox.outbound.db.postgres.PostgresText.storable;

import dev.larkinbox.domain.card.DigestFacts;
import dev.larkinbox.domain.event.Delivery;
import dev.larkinbox.domain.feedback.FaultKind;
import dev.larkinbox.domain.inbox.FeedbackArrival;
import dev.larkinbox.domain.inbox.FeedbackFilter;
import dev.larkinbox.domain.inbox.FeedbackInbox;
import dev.larkinbox.domain.inbox.FeedbackOrder;
import dev.larkinbox.domain.inbox.FeedbackStatus;
import dev.larkinbox.domain.inbox.InboxSummary;
import dev.larkinbox.domain.inbox.SummaryWindow;
import dev.larkinbox.domain.inbox.TriagedFeedback;
import dev.larkinbox.domain.ledger.LedgerOutcome;
import dev.larkinbox.domain.paging.Page;
import dev.larkinbox.domain.paging.PageRequest;
import dev.larkinbox.domain.recovery.RecoveryInbox;
import dev.larkinbox.domain.triage.Priority;
import dev.larkinbox.outbound.db.ledger.LedgerRow;
import dev.larkinbox.outbound.db.postgres.EventBatch;
import dev.larkinbox.outbound.db.postgres.EventWrite;
import dev.larkinbox.outbound.db.postgres.EventWrites;
import dev.larkinbox.outbound.db.postgres.Keyset;
import dev.larkinbox.outbound.db.postgres.StorageFailures;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** The feedback inbox in PostgreSQL, also taking feedback recovered from Lark's open API. */
@Singleton
public class PostgresFeedbackInbox implements FeedbackInbox, RecoveryInbox, DigestFacts {
    private static final String LISTING = "feedback";
    private static final String LISTING_BY_PRIORITY = "feedback-by-priority";

    private final FeedbackRepository feedback;
    private final SummaryRepository summaries;
    private final EventWrites writes;

    public PostgresFeedbackInbox(FeedbackRepository feedback, SummaryRepository summaries, EventWrites writes) {
        this.feedback = feedback;
        this.summaries = summaries;
        this.writes = writes;
    }

    @Override
    public Delivery add(TriagedFeedback item, String rawEvent, boolean announce) {
        Objects.requireNonNull(rawEvent, "rawEvent");
        return add(item, LedgerRow.stored(item.meta()), rawEvent, announce);
    }

    @Override
    public CompletableFuture<FeedbackArrival> addAsync(TriagedFeedback item, String rawEvent, boolean announce) {
        Objects.requireNonNull(rawEvent, "rawEvent");
        return writes.submitStored(write(item, LedgerRow.stored(item.meta()), rawEvent, announce))
                .thenApply(stored -> new FeedbackArrival(stored.delivery(), stored.statusAwaited()));
    }

    @Override
    public Delivery addRecovered(TriagedFeedback item, String raw, boolean announce) {
        Objects.requireNonNull(raw, "raw");
        return add(item, LedgerRow.of(item.meta(), LedgerOutcome.RECOVERED, null, null), raw, announce);
    }

    private Delivery add(TriagedFeedback item, LedgerRow entry, String raw, boolean announce) {
        return writes.commit(write(item, entry, raw, announce));
    }

    /** A feedback id that came before under another event: see {@link EventBatch}. */
    private static EventWrite write(TriagedFeedback item, LedgerRow entry, String raw, boolean announce) {
        return EventWrite.feedback(entry, FeedbackRow.of(item, raw), announce);
    }

    @Override
    public Page<TriagedFeedback> list(FeedbackFilter filter, FeedbackOrder order, PageRequest page) {
        String appId = storable(filter.appId());
        String[] statuses = statuses(filter);
        String[] priorities = priorities(filter);
        Integer type = type(filter);
        String assignee = storable(filter.assignee());
        String text = storable(filter.text());
        int limit = page.limit() + 1;
        return switch (order) {
            case NEWEST -> {
                Keyset after = Keyset.fromCursor(page.cursor(), LISTING);
                List<FeedbackView> rows = StorageFailures.reading(() -> feedback.listNewest(appId, statuses,
                        priorities, type, assignee, text, after == null ? null : after.receivedAt(),
                        after == null ? null : after.eventId(), limit));
                yield Keyset.page(rows, page.limit(), LISTING, FeedbackView::position, FeedbackView::toDomain);
            }
            case PRIORITY -> {
                Keyset after = Keyset.fromCursor(page.cursor(), LISTING_BY_PRIORITY);
                List<FeedbackView> rows = StorageFailures.reading(() -> feedback.listByPriority(appId, statuses,
                        priorities, type, assignee, text, after == null ? null : after.rank(),
                        after == null ? null : after.receivedAt(), after == null ? null : after.eventId(), limit));
                yield Keyset.page(rows, page.limit(), LISTING_BY_PRIORITY, FeedbackView::positionByPriority,
                        FeedbackView::toDomain);
            }
        };
    }

    @Override
    public Optional<TriagedFeedback> find(String feedbackId) {
        return StorageFailures.reading(() -> feedback.find(storable(feedbackId))).map(FeedbackView::toDomain);
    }

    @Override
    public long count(FeedbackFilter filter) {
        return StorageFailures.reading(() -> feedback.count(storable(filter.appId()), statuses(filter),
                priorities(filter), type(filter), storable(filter.assignee()), storable(filter.text())));
    }

    private static String[] statuses(FeedbackFilter filter) {
        return filter.statuses().stream().map(FeedbackStatus::label).toArray(String[]::new);
    }

    private static String[] priorities(FeedbackFilter filter) {
        return filter.priorities().stream().map(Priority::name).toArray(String[]::new);
    }

    private static Integer type(FeedbackFilter filter) {
        return filter.type() == null ? null : filter.type().code();
    }

    @Override
    public InboxSummary summarize(SummaryWindow window) {
        Instant now = window.now();
        return StorageFailures.reading(() -> {
            Map<LocalDate, Map<Priority, Long>> perDay = new HashMap<>();
            for (SummaryRepository.DayCount c : summaries.perDay(window.since(), now)) {
                perDay.computeIfAbsent(LocalDate.parse(c.day()), d -> new EnumMap<>(Priority.class))
                        .put(Priority.valueOf(c.priority()), c.count());
            }
            List<InboxSummary.Day> days = window.firstDay().datesUntil(window.lastDay().plusDays(1))
                    .map(day -> new InboxSummary.Day(day, perDay.getOrDefault(day, Map.of()))).toList();
            Map<FaultKind, Long> kinds = new HashMap<>();
            for (SummaryRepository.KindCount c : summaries.perFaultKind(window.since(), now)) {
                kinds.merge(FaultKind.ofCode(c.kind()), c.count(), Long::sum);
            }
            SummaryRepository.AgeCounts ages = summaries.openByAge(now,
                    now.minus(InboxSummary.Age.UNDER_A_WEEK.from()), now.minus(InboxSummary.Age.UNDER_A_MONTH.from()),
                    now.minus(InboxSummary.Age.OLDER.from()));
            return new InboxSummary(days, kinds, Map.of(InboxSummary.Age.UNDER_A_DAY, ages.day(),
                    InboxSummary.Age.UNDER_A_WEEK, ages.week(), InboxSummary.Age.UNDER_A_MONTH,
                    ages.month(), InboxSummary.Age.OLDER, ages.older()));
        });
    }

    @Override
    public Map<Priority, Long> openByPriority() {
        Map<Priority, Long> counts = new EnumMap<>(Priority.class);
        StorageFailures.reading(summaries::openByPriority)
                .forEach(c -> counts.put(Priority.valueOf(c.priority()), c.count()));
        return counts;
    }

    @Override
    public List<TriagedFeedback> oldestOpen(int limit) {
        return StorageFailures.reading(() -> feedback.oldestOpen(limit)).stream().map(FeedbackView::toDomain)
                .toList();
    }

    @Override
    public long arrivedSince(Instant since) {
        return StorageFailures.reading(() -> summaries.arrivedSince(since));
    }

    @Override
    public long resolvedSince(Instant since) {
        return StorageFailures.reading(() -> summaries.resolvedSince(since));
    }
}
