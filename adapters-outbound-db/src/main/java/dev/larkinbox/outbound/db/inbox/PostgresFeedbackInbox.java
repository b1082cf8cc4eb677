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
import dev.larkinbox.domain.inbox.MatchCount;
import dev.larkinbox.domain.inbox.SummaryWindow;
import dev.larkinbox.domain.inbox.TriagedFeedback;
import dev.larkinbox.domain.ledger.LedgerOutcome;
import dev.larkinbox.domain.paging.Page;
import dev.larkinbox.domain.paging.PageRequest;
import dev.larkinbox.domain.recovery.RecoveryInbox;
import dev.larkinbox.domain.triage.Priority;
import dev.larkinbox.outbound.db.ledger.LedgerRow;
import dev.larkinbox.outbound.db.postgres.CursorRead;
import dev.larkinbox.outbound.db.postgres.CursorRead.Parameter;
import dev.larkinbox.outbound.db.postgres.EventBatch;
import dev.larkinbox.outbound.db.postgres.EventWrite;
import dev.larkinbox.outbound.db.postgres.EventWrites;
import dev.larkinbox.outbound.db.postgres.Keyset;
import dev.larkinbox.outbound.db.postgres.PlannedRead;
import dev.larkinbox.outbound.db.postgres.StorageFailures;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

/** The feedback inbox in PostgreSQL, also taking feedback recovered from Lark's open API. */
@Singleton
public class PostgresFeedbackInbox implements FeedbackInbox, RecoveryInbox, DigestFacts {
    private static final String LISTING = "feedback";
    private static final String LISTING_BY_PRIORITY = "feedback-by-priority";

    private final FeedbackRepository feedback;
    private final SummaryRepository summaries;
    private final EventWrites writes;
    private final CursorRead cursors;
    private final PlannedRead planned;

    public PostgresFeedbackInbox(FeedbackRepository feedback, SummaryRepository summaries, EventWrites writes,
                                 CursorRead cursors, PlannedRead planned) {
        this.feedback = feedback;
        this.cursors = cursors;
        this.summaries = summaries;
        this.writes = writes;
        this.planned = planned;
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
        Matching m = Matching.of(filter);
        int limit = page.limit() + 1;
        return switch (order) {
            case NEWEST -> {
                Keyset after = Keyset.fromCursor(page.cursor(), LISTING);
                List<FeedbackView> rows = planned.run(() -> feedback.listNewest(m.appId(), m.statuses(),
                        m.priorities(), m.type(), m.assignee(), m.text(), m.grams(),
                        after == null ? null : after.receivedAt(),
                        after == null ? null : after.eventId(), limit));
                yield Keyset.page(rows, page.limit(), LISTING, FeedbackView::position, FeedbackView::toDomain);
            }
            case PRIORITY -> {
                Keyset after = Keyset.fromCursor(page.cursor(), LISTING_BY_PRIORITY);
                List<FeedbackView> rows = planned.run(() -> feedback.listByPriority(m.appId(),
                        m.statuses(), m.priorities(), m.type(), m.assignee(), m.text(), m.grams(),
                        after == null ? null : after.rank(),
                        after == null ? null : after.receivedAt(), after == null ? null : after.eventId(), limit));
                yield Keyset.page(rows, page.limit(), LISTING_BY_PRIORITY, FeedbackView::positionByPriority,
                        FeedbackView::toDomain);
            }
        };
    }

    /** Through a cursor: the rows come from PostgreSQL a few hundred at a time, as the stream is read. */
    @Override
    public Stream<TriagedFeedback> stream(FeedbackFilter filter, FeedbackOrder order) {
        String sql = FeedbackRepository.SELECT_VIEW + FeedbackRepository.MATCHING + switch (order) {
            case NEWEST -> FeedbackRepository.NEWEST_FIRST;
            case PRIORITY -> FeedbackRepository.BY_PRIORITY;
        };
        Map<String, Parameter> parameters = Matching.of(filter).parameters("");

        return cursors.stream(sql, parameters, FeedbackView::read).map(FeedbackView::toDomain);
    }

    @Override
    public long count(FeedbackFilter filter) {
        Matching m = Matching.of(filter);
        if (m.tallied()) {
            return StorageFailures.reading(() -> m.fromTallies(summaries));
        }
        return planned.row("SELECT count(*) FROM feedback f " + FeedbackRepository.MATCHING, m.parameters(""),
                row -> row.getLong(1));
    }

    /**
     * Each filter's count: of what the tallies count by, exactly from the tallies; the others as subqueries of one
     * statement, planned for their values, each stopping one past {@link MatchCount#CAP} (a common search's count read
     * every match, most of a second at a million): one round trip for all of a person's views, however many they saved.
     */
    @Override
    public List<MatchCount> counts(List<FeedbackFilter> filters) {
        List<MatchCount> counts = new ArrayList<>(Collections.nCopies(filters.size(), MatchCount.exact(0)));
        List<Integer> read = new ArrayList<>();
        Map<String, Parameter> parameters = new HashMap<>();
        StringJoiner sql = new StringJoiner(", ", "SELECT ", "");
        for (int i = 0; i < filters.size(); i++) {
            Matching m = Matching.of(filters.get(i));
            if (m.tallied()) {
                counts.set(i, MatchCount.exact(StorageFailures.reading(() -> m.fromTallies(summaries))));
            } else {
                String suffix = String.valueOf(i);
                sql.add("(SELECT count(*) FROM (SELECT FROM feedback f "
                        + Parameter.suffixed(FeedbackRepository.MATCHING, suffix) + " LIMIT " + (MatchCount.CAP + 1)
                        + ") c)");
                parameters.putAll(m.parameters(suffix));
                read.add(i);
            }
        }
        if (!read.isEmpty()) {
            planned.row(sql.toString(), parameters, row -> {
                for (int j = 0; j < read.size(); j++) {
                    counts.set(read.get(j), MatchCount.upTo(row.getLong(j + 1)));
                }
                return counts;
            });
        }
        return counts;
    }

    /** A filter as the repository's {@link FeedbackRepository#MATCHING} takes it. */
    private record Matching(String appId, String[] statuses, String[] priorities, Integer type, String assignee,
                            String text, int[] grams) {
        static Matching of(FeedbackFilter filter) {
            return new Matching(storable(filter.appId()),
                    filter.statuses().stream().map(FeedbackStatus::label).toArray(String[]::new),
                    filter.priorities().stream().map(Priority::name).toArray(String[]::new),
                    filter.type() == null ? null : filter.type().code(), storable(filter.assignee()),
                    storable(filter.text()),
                    filter.text() == null ? new int[0] : DescriptionGrams.sought(storable(filter.text())));
        }

        /**
         * What the tallies count by: an app (not the feedback without one, which they count under ''), statuses,
         * priorities, whether nobody is assigned.
         */
        boolean tallied() {
            return type == null && (assignee == null || assignee.equals(FeedbackFilter.NOBODY)) && text == null
                    && (appId == null || !appId.isEmpty());
        }

        long fromTallies(SummaryRepository summaries) {
            return summaries.tallied(appId, statuses, priorities, FeedbackFilter.NOBODY.equals(assignee));
        }

        /** For SQL that names each parameter of {@code MATCHING} with the suffix added. */
        Map<String, Parameter> parameters(String suffix) {
            return Map.of("appId" + suffix, Parameter.text(appId), "statuses" + suffix, Parameter.texts(statuses),
                    "priorities" + suffix, Parameter.texts(priorities), "feedbackType" + suffix,
                    Parameter.integer(type), "assignee" + suffix, Parameter.text(assignee), "text" + suffix,
                    Parameter.text(text), "grams" + suffix, Parameter.integers(grams));
        }
    }

    @Override
    public Optional<TriagedFeedback> find(String feedbackId) {
        return StorageFailures.reading(() -> feedback.find(storable(feedbackId))).map(FeedbackView::toDomain);
    }

    @Override
    public InboxSummary summarize(SummaryWindow window) {
        String app = storable(window.appId());
        return StorageFailures.reading(() -> {
            Map<FaultKind, Long> kinds = new HashMap<>();
            for (SummaryRepository.KindCount c : summaries.perFaultKind(app, window.firstDay(), window.lastDay())) {
                kinds.merge(FaultKind.ofCode(c.kind()), c.count(), Long::sum);
            }
            return new InboxSummary(perDay(summaries, app, window.firstDay(), window.lastDay()), kinds,
                    openByAge(app, window));
        });
    }

    /** Each day from the first to the last with its feedback by priority, read from the tallies. */
    public static List<InboxSummary.Day> perDay(SummaryRepository summaries, String appId, LocalDate first,
                                                LocalDate last) {
        Map<LocalDate, Map<Priority, Long>> perDay = new HashMap<>();
        for (SummaryRepository.DayCount c : summaries.perDay(appId, first, last)) {
            perDay.computeIfAbsent(LocalDate.parse(c.day()), d -> new EnumMap<>(Priority.class))
                    .put(Priority.valueOf(c.priority()), c.count());
        }
        return first.datesUntil(last.plusDays(1))
                .map(day -> new InboxSummary.Day(day, perDay.getOrDefault(day, Map.of()))).toList();
    }

    /**
     * Open feedback by age: the tallies count it per day; of the day an age begins in, the part received up to its
     * bound is read from the feedback, so that an age begins at its exact moment, not at midnight.
     */
    private Map<InboxSummary.Age, Long> openByAge(String app, SummaryWindow window) {
        Map<LocalDate, Long> open = new HashMap<>();
        summaries.openPerDay(app, window.lastDay()).forEach(c -> open.put(LocalDate.parse(c.day()), c.count()));
        long total = open.values().stream().mapToLong(Long::longValue).sum();
        Map<InboxSummary.Age, Long> olderThan = new EnumMap<>(InboxSummary.Age.class);
        for (InboxSummary.Age age : InboxSummary.Age.values()) {
            Instant bound = window.now().minus(age.from());
            LocalDate day = LocalDate.ofInstant(bound, ZoneOffset.UTC);
            long wholeDays = open.entrySet().stream().filter(e -> e.getKey().isBefore(day))
                    .mapToLong(Map.Entry::getValue).sum();
            olderThan.put(age, age.from().isZero() ? total
                    : wholeDays + summaries.openBetween(app, day.atStartOfDay(ZoneOffset.UTC).toInstant(), bound));
        }
        Map<InboxSummary.Age, Long> ages = new EnumMap<>(InboxSummary.Age.class);
        InboxSummary.Age[] all = InboxSummary.Age.values();
        for (int i = 0; i < all.length; i++) {
            long next = i + 1 < all.length ? olderThan.get(all[i + 1]) : 0;
            ages.put(all[i], olderThan.get(all[i]) - next);
        }
        return ages;
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
