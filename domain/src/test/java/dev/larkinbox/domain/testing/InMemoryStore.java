package dev.larkinbox.domain.testing;

import dev.larkinbox.domain.card.CardOutbox;
import dev.larkinbox.domain.card.PendingCard;
import dev.larkinbox.domain.event.Delivery;
import dev.larkinbox.domain.event.EventMeta;
import dev.larkinbox.domain.event.StorageUnavailableException;
import dev.larkinbox.domain.event.UnstorableEventException;
import dev.larkinbox.domain.feedback.FaultKind;
import dev.larkinbox.domain.feedback.FeedbackType;
import dev.larkinbox.domain.image.ImageCopy;
import dev.larkinbox.domain.image.ImageRequest;
import dev.larkinbox.domain.image.KeptImage;
import dev.larkinbox.domain.image.ViewImages;
import dev.larkinbox.domain.inbox.FeedbackFilter;
import dev.larkinbox.domain.inbox.FeedbackInbox;
import dev.larkinbox.domain.inbox.FeedbackOrder;
import dev.larkinbox.domain.inbox.MatchCount;
import dev.larkinbox.domain.inbox.FeedbackStatus;
import dev.larkinbox.domain.inbox.InboxSummary;
import dev.larkinbox.domain.inbox.SummaryWindow;
import dev.larkinbox.domain.inbox.TriagedFeedback;
import dev.larkinbox.domain.ledger.EventLedger;
import dev.larkinbox.domain.ledger.LedgerEntry;
import dev.larkinbox.domain.ledger.LedgerOutcome;
import dev.larkinbox.domain.ledger.RecordConflictCommand;
import dev.larkinbox.domain.ledger.RecordUnhandledEventCommand;
import dev.larkinbox.domain.paging.InvalidCursorException;
import dev.larkinbox.domain.paging.Page;
import dev.larkinbox.domain.paging.PageRequest;
import dev.larkinbox.domain.problem.GroupingKey;
import dev.larkinbox.domain.problem.GroupingRound;
import dev.larkinbox.domain.problem.Problem;
import dev.larkinbox.domain.problem.ProblemBoard;
import dev.larkinbox.domain.problem.ProblemCandidate;
import dev.larkinbox.domain.problem.ProblemFilter;
import dev.larkinbox.domain.problem.ProblemNotFoundException;
import dev.larkinbox.domain.problem.ProblemOrder;
import dev.larkinbox.domain.problem.ProblemPulse;
import dev.larkinbox.domain.problem.GroupingBacklog;
import dev.larkinbox.domain.problem.ProblemStore;
import dev.larkinbox.domain.problem.Regression;
import dev.larkinbox.domain.problem.ReportCounts;
import dev.larkinbox.domain.problem.Spike;
import dev.larkinbox.domain.reason.Reason;
import dev.larkinbox.domain.recovery.RecoveryInbox;
import dev.larkinbox.domain.reply.PendingMessage;
import dev.larkinbox.domain.reply.ReporterFeedback;
import dev.larkinbox.domain.reply.ReporterOutbox;
import dev.larkinbox.domain.reply.SentMessage;
import dev.larkinbox.domain.revocation.RecordRevocationCommand;
import dev.larkinbox.domain.revocation.RecordedRevocation;
import dev.larkinbox.domain.revocation.RevocationFilter;
import dev.larkinbox.domain.revocation.RevocationHistory;
import dev.larkinbox.domain.sync.PendingSync;
import dev.larkinbox.domain.sync.StatusOutbox;
import dev.larkinbox.domain.sync.StatusSync;
import dev.larkinbox.domain.triage.Priority;
import dev.larkinbox.domain.version.AppVersion;
import dev.larkinbox.domain.version.RecordVersionStepCommand;
import dev.larkinbox.domain.version.VersionMention;
import dev.larkinbox.domain.version.VersionSteps;
import dev.larkinbox.domain.version.VersionTimeline;
import dev.larkinbox.domain.version.Versions;
import dev.larkinbox.domain.workflow.AwaitedStatus;
import dev.larkinbox.domain.workflow.ConcurrentChangeException;
import dev.larkinbox.domain.workflow.FeedbackWorkflowStore;
import dev.larkinbox.domain.workflow.HistoryEntry;
import dev.larkinbox.domain.workflow.LarkFeedbackStatus;
import dev.larkinbox.domain.workflow.WorkflowChange;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * The store ports in memory, sharing one ledger so that an event id is unique across event types. For tests of
 * the use cases and the adapters, and as the reference the database store is held to by {@link StorePortsContract},
 * {@link WorkflowPortsContract} and {@link VersionPortsContract}. One lock guards everything: simple, and as atomic
 * as a database transaction.
 */
public final class InMemoryStore implements FeedbackInbox, RevocationHistory, EventLedger, FeedbackWorkflowStore,
        StatusOutbox, RecoveryInbox, VersionSteps, VersionTimeline {
    private int countReads;

    private final Map<String, LedgerEntry> ledger = new HashMap<>();
    private final Map<String, TriagedFeedback> feedbackById = new HashMap<>();
    private final List<RecordedRevocation> revocations = new ArrayList<>();
    private final List<RecordVersionStepCommand> versionSteps = new ArrayList<>();
    private final Map<String, List<HistoryEntry>> history = new HashMap<>();
    private static final String NOT_SENT = "the in-memory store sends no message to reporters";
    /** The changes that write to their feedback's reporter, in order. */
    private final List<WorkflowChange> reporterMessages = new ArrayList<>();
    /** When and why a message to a reporter was given up, by its id (its place in {@link #reporterMessages}, from 1). */
    private final Map<Long, Map.Entry<Instant, Reason>> notDelivered = new HashMap<>();
    private final Rows<StatusSync> outbox = new Rows<>(StatusSync::feedbackId);
    // a problem's card waits for no feedback's
    private final Rows<CardRow> cards = new Rows<>(row -> row.kind.announcesProblem() ? null : row.feedbackId);
    private final Map<String, String> problems = new HashMap<>();
    private final Map<String, String> rawEvents = new HashMap<>();
    private final Map<String, LarkFeedbackStatus> awaitedStatuses = new HashMap<>();
    private final Map<String, Set<String>> conflicts = new HashMap<>();
    private volatile boolean failWrites;
    private volatile boolean refuseValues;

    /** While true, every write throws {@link StorageUnavailableException} and changes nothing, as in an outage. */
    public void failWrites(boolean fail) {
        this.failWrites = fail;
    }

    /**
     * While true, a new feedback, revocation or version step throws {@link UnstorableEventException} and changes nothing, as
     * when the database refuses a value; the ledger still takes unhandled events.
     */
    public void refuseValues(boolean refuse) {
        this.refuseValues = refuse;
    }

    /** The problem recorded with the event's ledger entry; null when none. */
    public synchronized String problem(String eventId) {
        return problems.get(eventId);
    }

    @Override
    public synchronized Delivery add(TriagedFeedback item, String rawEvent, boolean announce) {
        Objects.requireNonNull(rawEvent, "rawEvent");
        checkWritable();
        if (ledger.containsKey(item.meta().eventId())) {
            return Delivery.DUPLICATE;
        }
        TriagedFeedback held = feedbackById.get(item.feedback().feedbackId());
        if (held != null) {
            if (Objects.equals(held.feedback().appId(), item.feedback().appId())) {
                return Delivery.DUPLICATE;
            }
            conflicts.computeIfAbsent(item.meta().eventId(), id -> new HashSet<>()).add(rawEvent);
            return Delivery.CONFLICT;
        }
        checkValuesTaken();
        ledger.put(item.meta().eventId(), new LedgerEntry(item.meta(), LedgerOutcome.STORED));
        rawEvents.put(item.meta().eventId(), rawEvent);
        feedbackById.put(item.feedback().feedbackId(), item);
        announce(item, announce);
        return Delivery.NEW;
    }

    @Override
    public synchronized Delivery addRecovered(TriagedFeedback item, String raw, boolean announce) {
        Objects.requireNonNull(raw, "raw");
        checkWritable();
        if (ledger.containsKey(item.meta().eventId()) || feedbackById.containsKey(item.feedback().feedbackId())) {
            return Delivery.DUPLICATE;
        }
        ledger.put(item.meta().eventId(), new LedgerEntry(item.meta(), LedgerOutcome.RECOVERED));
        rawEvents.put(item.meta().eventId(), raw);
        feedbackById.put(item.feedback().feedbackId(), item);
        announce(item, announce);
        return Delivery.NEW;
    }

    private void announce(TriagedFeedback item, boolean announce) {
        if (announce) {
            cards.queue(new CardRow(item.feedback().feedbackId(), PendingCard.Kind.POST), item.meta().receivedAt());
        }
    }

    @Override
    public synchronized Delivery append(RecordRevocationCommand command) {
        return storedOnce(command.meta(), command.rawEvent(),
                () -> revocations.add(new RecordedRevocation(command.meta(), command.revocation())));
    }

    @Override
    public synchronized Delivery append(RecordVersionStepCommand command) {
        return storedOnce(command.meta(), command.rawEvent(), () -> versionSteps.add(command));
    }

    /** An event whose row has no key but its event id: the ledger decides alone whether it is new. */
    private Delivery storedOnce(EventMeta meta, String rawEvent, Runnable keep) {
        checkWritable();
        if (ledger.containsKey(meta.eventId())) {
            return Delivery.DUPLICATE;
        }
        checkValuesTaken();
        ledger.put(meta.eventId(), new LedgerEntry(meta, LedgerOutcome.STORED));
        rawEvents.put(meta.eventId(), rawEvent);
        keep.run();
        return Delivery.NEW;
    }

    @Override
    public synchronized List<AppVersion> versions(String appId) {
        Stream<VersionMention> steps = versionSteps.stream().filter(c -> c.step().appId().equals(appId))
                .map(c -> VersionMention.of(c.meta().eventId(), c.step()));
        Stream<VersionMention> revoked = revocations.stream().filter(r -> r.revocation().appId().equals(appId))
                .map(r -> VersionMention.of(r.meta().eventId(), r.revocation()));
        return Versions.of(appId, Stream.concat(steps, revoked).toList());
    }

    @Override
    public synchronized List<String> appsWithStepsSince(Instant since) {
        return versionSteps.stream().filter(c -> !c.step().at().isBefore(since)).map(c -> c.step().appId())
                .distinct().toList();
    }

    @Override
    public synchronized Delivery recordUnhandled(RecordUnhandledEventCommand command) {
        checkWritable();
        if (ledger.containsKey(command.meta().eventId())) {
            return Delivery.DUPLICATE;
        }
        ledger.put(command.meta().eventId(), new LedgerEntry(command.meta(), command.outcome()));
        problems.put(command.meta().eventId(), command.problem());
        rawEvents.put(command.meta().eventId(), command.rawEvent());
        return Delivery.NEW;
    }

    @Override
    public synchronized Optional<LedgerEntry> entry(String eventId) {
        return Optional.ofNullable(ledger.get(eventId));
    }

    @Override
    public synchronized Optional<String> rawEvent(String eventId) {
        return Optional.ofNullable(rawEvents.get(eventId));
    }

    @Override
    public synchronized void recordConflict(RecordConflictCommand command) {
        checkWritable();
        conflicts.computeIfAbsent(command.meta().eventId(), id -> new HashSet<>()).add(command.rawEvent());
    }

    /** The distinct bodies kept as conflicts under the event id. */
    public synchronized Set<String> conflicts(String eventId) {
        return Set.copyOf(conflicts.getOrDefault(eventId, Set.of()));
    }

    @Override
    public synchronized Optional<TriagedFeedback> find(String feedbackId) {
        return Optional.ofNullable(feedbackById.get(feedbackId));
    }

    @Override
    public synchronized Page<TriagedFeedback> list(FeedbackFilter filter, FeedbackOrder order, PageRequest page) {
        Stream<TriagedFeedback> matching = feedbackById.values().stream().filter(filter::matches);
        return switch (order) {
            case NEWEST -> page(matching, f -> "", TriagedFeedback::meta, "feedback", page);
            case PRIORITY -> page(matching, f -> f.triage().priority().name(), TriagedFeedback::meta,
                    "feedback-by-priority", page);
        };
    }

    @Override
    public synchronized long count(FeedbackFilter filter) {
        countReads++;
        return matching(filter);
    }

    @Override
    public synchronized List<MatchCount> counts(List<FeedbackFilter> filters) {
        countReads++;
        // each past the cap, as a store that reads the feedback to count them does (the pages show "1,000+")
        return filters.stream().map(f -> MatchCount.upTo(matching(f))).toList();
    }

    private long matching(FeedbackFilter filter) {
        return feedbackById.values().stream().filter(filter::matches).count();
    }

    /** How many times the inbox was asked to count, whether one filter or several at once. */
    public synchronized int countReads() {
        return countReads;
    }

    @Override
    public synchronized InboxSummary summarize(SummaryWindow window) {
        LocalDate lastDay = window.lastDay();
        List<TriagedFeedback> received = feedbackById.values().stream()
                .filter(f -> !LocalDate.ofInstant(f.meta().receivedAt(), ZoneOffset.UTC).isAfter(lastDay))
                .filter(f -> window.appId() == null || window.appId().equals(f.feedback().appId())).toList();
        List<TriagedFeedback> inWindow = received.stream()
                .filter(f -> !f.meta().receivedAt().isBefore(window.since())).toList();
        List<InboxSummary.Day> days = window.firstDay().datesUntil(window.lastDay().plusDays(1))
                .map(day -> new InboxSummary.Day(day, inWindow.stream()
                        .filter(f -> LocalDate.ofInstant(f.meta().receivedAt(), ZoneOffset.UTC).equals(day))
                        .collect(Collectors.groupingBy(f -> f.triage().priority(), Collectors.counting()))))
                .toList();
        Map<FaultKind, Long> kinds = inWindow.stream().flatMap(f -> f.feedback().faultKinds().stream())
                .collect(Collectors.groupingBy(k -> k, Collectors.counting()));
        Map<InboxSummary.Age, Long> ages = received.stream().filter(f -> FeedbackStatus.OPEN.contains(f.status()))
                .collect(Collectors.groupingBy(f -> InboxSummary.Age.of(Duration.between(f.meta().receivedAt(),
                        window.now())), Collectors.counting()));
        return new InboxSummary(days, kinds, ages);
    }

    @Override
    public synchronized Page<RecordedRevocation> list(RevocationFilter filter, PageRequest page) {
        Predicate<RecordedRevocation> matches = r -> (filter.appId() == null || filter.appId().equals(r.revocation().appId()))
                && (filter.versionId() == null || filter.versionId().equals(r.revocation().versionId()));
        return page(revocations.stream().filter(matches), r -> "", RecordedRevocation::meta, "revocation", page);
    }

    // --- workflow ------------------------------------------------------------------------------------------

    @Override
    public synchronized boolean record(WorkflowChange change) {
        checkWritable();
        if (!isAt(change)) {
            return false;
        }
        write(change);
        return true;
    }

    @Override
    public synchronized Delivery recordLarkEvent(EventMeta meta, String rawEvent, String problem,
                                                 List<WorkflowChange> changes, AwaitedStatus awaited) {
        Objects.requireNonNull(rawEvent, "rawEvent");
        checkWritable();
        if (ledger.containsKey(meta.eventId())) {
            return Delivery.DUPLICATE;
        }
        if (!changes.stream().allMatch(this::isAt)) {
            throw new ConcurrentChangeException("a feedback is no longer at the version the change was decided on");
        }
        ledger.put(meta.eventId(), new LedgerEntry(meta, LedgerOutcome.STORED));
        rawEvents.put(meta.eventId(), rawEvent);
        if (problem != null) {
            problems.put(meta.eventId(), problem);
        }
        changes.forEach(this::write);
        // a later event's status replaces an earlier one's
        awaited.feedbackIds().forEach(id -> awaitedStatuses.put(id, awaited.status()));
        return Delivery.NEW;
    }

    @Override
    public synchronized Optional<LarkFeedbackStatus> awaitedStatus(String feedbackId) {
        return Optional.ofNullable(awaitedStatuses.get(feedbackId));
    }

    @Override
    public synchronized void forgetAwaited(String feedbackId) {
        checkWritable();
        awaitedStatuses.remove(feedbackId);
    }

    @Override
    public synchronized List<HistoryEntry> history(String feedbackId) {
        return List.copyOf(history.getOrDefault(feedbackId, List.of()));
    }

    /** The changes written with a message to their feedback's reporter, in order. */
    public synchronized List<WorkflowChange> reporterMessages() {
        return List.copyOf(reporterMessages);
    }

    /** No image is kept here: the images' own tests run on PostgreSQL (ImagesAcrossRestart, PostgresImagesTest). */
    public ViewImages images() {
        return new ViewImages() {
            @Override
            public Map<String, List<ImageCopy>> copies(Collection<String> feedbackIds) {
                return Map.of();
            }

            @Override
            public Optional<KeptImage> image(ImageRequest request) {
                return Optional.empty();
            }
        };
    }

    /** The same reporter's other feedback, matched by open_id, newest first, as the PostgreSQL store finds it. */
    public ReporterFeedback reporterFeedback() {
        return feedbackId -> {
            synchronized (this) {
                String openId = Optional.ofNullable(feedbackById.get(feedbackId))
                        .map(item -> item.feedback().user().openId()).orElse(null);
                if (openId == null) {
                    return List.of();
                }
                return feedbackById.values().stream()
                        .filter(item -> openId.equals(item.feedback().user().openId())
                                && !item.feedback().feedbackId().equals(feedbackId))
                        .sorted(Comparator.comparing((TriagedFeedback item) -> item.meta().receivedAt()).reversed())
                        .limit(ReporterFeedback.MAX_LISTED)
                        .map(item -> new ReporterFeedback.OtherFeedback(item.feedback().feedbackId(),
                                item.meta().receivedAt(), item.status()))
                        .toList();
            }
        };
    }

    /**
     * The messages to reporters, as the outbox lists them: pending (nothing sends them here) unless given up with
     * {@link dev.larkinbox.domain.sync.Outbox#abandon}, as the bot's drain does when Lark refuses one; a message's id is its place, from 1.
     */
    public ReporterOutbox reporters() {
        return new ReporterOutbox() {
            @Override
            public List<SentMessage> messages(String feedbackId) {
                synchronized (InMemoryStore.this) {
                    return IntStream.range(0, reporterMessages.size())
                            .filter(i -> reporterMessages.get(i).feedbackId().equals(feedbackId))
                            .mapToObj(i -> message(i + 1L, reporterMessages.get(i))).toList();
                }
            }

            private SentMessage message(long id, WorkflowChange c) {
                Map.Entry<Instant, Reason> givenUp = notDelivered.get(id);
                return givenUp == null ? new SentMessage(id, c.feedbackId(), c.toVersion(), c.message().kind(),
                        c.message().text(), c.entry().actor(), c.entry().at(), SentMessage.State.PENDING, null, null)
                        : new SentMessage(id, c.feedbackId(), c.toVersion(), c.message().kind(), c.message().text(),
                        c.entry().actor(), c.entry().at(), SentMessage.State.NOT_DELIVERED, givenUp.getKey(),
                        givenUp.getValue());
            }

            @Override
            public List<PendingMessage> claimDue(Instant now, Instant leaseUntil, int max) {
                return List.of();
            }

            @Override
            public void delivered(long id, Instant at) {
                throw new UnsupportedOperationException(NOT_SENT);
            }

            @Override
            public void retryLater(long id, boolean refused, Instant nextAttemptAt, String error) {
                throw new UnsupportedOperationException(NOT_SENT);
            }

            @Override
            public void release(long id, Instant at) {
                throw new UnsupportedOperationException(NOT_SENT);
            }

            @Override
            public void abandon(long id, Instant at, Reason why) {
                synchronized (InMemoryStore.this) {
                    notDelivered.put(id, Map.entry(at, why));
                }
            }
        };
    }

    private boolean isAt(WorkflowChange change) {
        TriagedFeedback item = feedbackById.get(change.feedbackId());
        return item != null && item.version() == change.fromVersion();
    }

    private void write(WorkflowChange change) {
        TriagedFeedback item = feedbackById.get(change.feedbackId());
        feedbackById.put(change.feedbackId(),
                item.worked(change.status(), change.assignee(), change.priority(), change.toVersion()));
        history.computeIfAbsent(change.feedbackId(), id -> new ArrayList<>()).add(change.entry());
        if (change.sync() != null) {
            outbox.queue(change.sync(), change.sync().requestedAt());
        }
        if (change.message() != null) {
            reporterMessages.add(change);
        }
        if (cards.rows().anyMatch(r -> change.feedbackId().equals(r.value.feedbackId)
                && r.value.kind == PendingCard.Kind.POST && r.abandonedAt == null)) {
            cards.queue(new CardRow(change.feedbackId(), PendingCard.Kind.UPDATE), change.entry().at());
        }
    }

    // --- problems ------------------------------------------------------------------------------------------

    private final Map<String, ProblemRow> problemsById = new HashMap<>();
    /** Held by the round running; another finds it taken and is skipped, as across instances on one database. */
    private final ReentrantLock grouping = new ReentrantLock();
    private long assessments;

    /** A problem as kept; its counts are its members'. */
    private static final class ProblemRow {
        private final String problemId;
        private final GroupingKey key;
        private final String title;
        private final String firstFeedbackId;
        private final List<Reason> reasons;
        private FeedbackStatus status = FeedbackStatus.NEW;
        private Priority priority;
        private Instant spikingSince;
        private List<Reason> spikeReasons = List.of();
        private Reason regression;
        /** When it was assessed last, counted in assessments: the spiking ones assessed longest ago come first. */
        private long assessedTurn;

        ProblemRow(String problemId, GroupingKey key, String title, String firstFeedbackId, List<Reason> reasons,
                   Priority priority) {
            this.problemId = problemId;
            this.key = key;
            this.title = title;
            this.firstFeedbackId = firstFeedbackId;
            this.reasons = new ArrayList<>(reasons);
            this.priority = priority;
        }
    }

    private final GroupingRound groupingRound = new GroupingRound() {
        @Override
        public List<TriagedFeedback> ungrouped(int max) {
            return feedbackById.values().stream().filter(f -> f.problemId() == null)
                    .sorted(Comparator.comparing((TriagedFeedback f) -> f.meta().receivedAt())
                            .thenComparing(f -> f.meta().eventId()))
                    .limit(max).toList();
        }

        @Override
        public List<ProblemCandidate> candidates(Set<GroupingKey> keys) {
            return problemsById.values().stream().filter(p -> keys.contains(p.key))
                    .sorted(Comparator.comparing((ProblemRow p) -> lastSeen(p.problemId)).reversed())
                    .map(p -> new ProblemCandidate(p.problemId, p.key,
                            feedbackById.get(p.firstFeedbackId).feedback().description(), p.status))
                    .toList();
        }

        @Override
        public List<String> spiking(int max) {
            return problemsById.values().stream().filter(p -> p.spikingSince != null)
                    .sorted(Comparator.comparingLong((ProblemRow p) -> p.assessedTurn).thenComparing(p -> p.problemId))
                    .limit(max).map(p -> p.problemId).toList();
        }

        @Override
        public void start(String problemId, GroupingKey key, String title, TriagedFeedback first,
                          List<Reason> reasons) {
            problemsById.put(problemId, new ProblemRow(problemId, key, title, first.feedback().feedbackId(), reasons,
                    first.triage().priority()));
        }

        @Override
        public void assign(TriagedFeedback feedback, String problemId, List<Reason> reasons) {
            String feedbackId = feedback.feedback().feedbackId();
            feedbackById.put(feedbackId, feedbackById.get(feedbackId).groupedInto(problemId));
        }

        @Override
        public void reopen(String problemId, Regression regression) {
            ProblemRow row = problemsById.get(problemId);
            row.status = regression.reopenedTo();
            row.regression = regression.reason();
        }

        @Override
        public Map<String, ProblemPulse> pulses(Set<String> problemIds, Instant since) {
            Map<String, ProblemPulse> pulses = new HashMap<>();
            for (String problemId : problemIds.stream().filter(problemsById::containsKey).toList()) {
                List<Instant> reports = members(problemId).map(f -> f.meta().receivedAt())
                        .filter(at -> !at.isBefore(since)).toList();
                pulses.put(problemId, new ProblemPulse(membersPriority(problemId), ReportCounts.of(reports),
                        problemsById.get(problemId).spikingSince));
            }
            return pulses;
        }

        @Override
        public void assessed(String problemId, Spike spike) {
            ProblemRow row = problemsById.get(problemId);
            row.assessedTurn = ++assessments;
            row.spikingSince = spike.since();
            row.priority = spike.priority();
            row.spikeReasons = spike.spiking() ? spike.reasons() : List.of();
        }

        @Override
        public void announceSpike(String problemId, Instant since) {
            String occasion = since.toString();
            if (cards.rows().noneMatch(r -> problemId.equals(r.value.problemId) && occasion.equals(r.value.occasion))) {
                cards.queue(new CardRow(null, PendingCard.Kind.SPIKE, problemId, occasion), since);
            }
        }

        @Override
        public void announceRegression(String problemId, TriagedFeedback report) {
            String feedbackId = report.feedback().feedbackId();
            cards.queue(new CardRow(feedbackId, PendingCard.Kind.REGRESSION, problemId, feedbackId),
                    report.meta().receivedAt());
        }
    };

    /** The problems over this store: grouped from its feedback, read and worked through its workflow. */
    public Problems problems() {
        return problemPorts;
    }

    private final Problems problemPorts = new Problems();

    /** The problem ports of this store; their names clash with the inbox's ({@code find}). */
    public final class Problems implements ProblemStore, ProblemBoard {
        @Override
        public <T> Optional<T> groupAlone(Function<GroupingRound, T> round) {
            if (!grouping.tryLock()) {
                return Optional.empty();
            }
            try {
                synchronized (InMemoryStore.this) {
                    checkWritable();
                    return Optional.of(round.apply(groupingRound));
                }
            } finally {
                grouping.unlock();
            }
        }

        @Override
        public Optional<GroupingBacklog> backlog(Instant since, int countUpTo) {
            synchronized (InMemoryStore.this) {
                List<Instant> waiting = feedbackById.values().stream().filter(f -> f.problemId() == null)
                        .map(f -> f.meta().receivedAt()).toList();
                return waiting.stream().min(Comparator.naturalOrder()).map(oldest -> new GroupingBacklog(oldest,
                        (int) Math.min(countUpTo, waiting.stream().filter(at -> at.isAfter(since)).count())));
            }
        }

        @Override
        public boolean moveTo(String problemId, FeedbackStatus status) {
            synchronized (InMemoryStore.this) {
                checkWritable();
                ProblemRow row = problemsById.get(problemId);
                if (row != null) {
                    row.status = status;
                }
                return row != null;
            }
        }

        @Override
        public boolean merge(String problemId, String intoProblemId, Reason reason) {
            grouping.lock();
            try {
                synchronized (InMemoryStore.this) {
                    checkWritable();
                    ProblemRow from = problemsById.get(problemId);
                    ProblemRow into = problemsById.get(intoProblemId);
                    if (from == null || into == null) {
                        return false;
                    }
                    members(problemId).toList().forEach(f -> feedbackById.put(f.feedback().feedbackId(),
                            f.groupedInto(intoProblemId)));
                    into.reasons.add(reason);
                    into.priority = into.priority.compareTo(from.priority) <= 0 ? into.priority : from.priority;
                    problemsById.remove(problemId);
                    return true;
                }
            } finally {
                grouping.unlock();
            }
        }

        @Override
        public Page<Problem> list(ProblemFilter filter, ProblemOrder order, PageRequest page) {
            synchronized (InMemoryStore.this) {
                Stream<Problem> matching = problemsById.keySet().stream().map(InMemoryStore.this::problemOf)
                        .filter(filter::matches);
                return switch (order) {
                    case LAST_SEEN -> page(matching, p -> new Position("", p.lastSeen(), p.problemId()), "problems",
                            page);
                    // a bigger count ranks lower: first
                    case COUNT -> page(matching, p -> new Position(String.format("%019d", Long.MAX_VALUE - p.count()),
                            p.lastSeen(), p.problemId()), "problems-by-count", page);
                };
            }
        }

        @Override
        public Optional<Problem> find(String problemId) {
            synchronized (InMemoryStore.this) {
                return problemsById.containsKey(problemId) ? Optional.of(problemOf(problemId)) : Optional.empty();
            }
        }

        @Override
        public List<Problem> seenRecently(String appId, FeedbackType type, int max) {
            synchronized (InMemoryStore.this) {
                return problemsById.values().stream()
                        .filter(p -> Objects.equals(appId, p.key.appId()) && p.key.type() == type)
                        .map(p -> problemOf(p.problemId))
                        .sorted(Comparator.comparing(Problem::lastSeen).thenComparing(Problem::problemId).reversed())
                        .limit(max).toList();
            }
        }

        @Override
        public Page<TriagedFeedback> feedback(String problemId, PageRequest page) {
            synchronized (InMemoryStore.this) {
                if (!problemsById.containsKey(problemId)) {
                    throw new ProblemNotFoundException(problemId);
                }
                return page(members(problemId), f -> "", TriagedFeedback::meta, "problem-feedback", page);
            }
        }
    }

    private Problem problemOf(String problemId) {
        ProblemRow row = problemsById.get(problemId);
        List<TriagedFeedback> members = members(problemId).toList();
        List<Reason> reasons = new ArrayList<>(row.reasons);
        if (row.regression != null) {
            reasons.add(row.regression);
        }
        reasons.addAll(row.spikeReasons);
        return new Problem(problemId, row.key, row.title, members.size(),
                members.stream().map(f -> f.meta().receivedAt()).min(Comparator.naturalOrder()).orElseThrow(),
                lastSeen(problemId),
                (int) members.stream().map(f -> f.meta().tenantKey()).filter(Objects::nonNull).distinct().count(),
                row.status, row.priority, row.spikingSince, row.regression != null, reasons);
    }

    private Stream<TriagedFeedback> members(String problemId) {
        return feedbackById.values().stream().filter(f -> problemId.equals(f.problemId()));
    }

    private Instant lastSeen(String problemId) {
        return members(problemId).map(f -> f.meta().receivedAt()).max(Comparator.naturalOrder()).orElseThrow();
    }

    private Priority membersPriority(String problemId) {
        return members(problemId).map(f -> f.triage().priority()).min(Comparator.naturalOrder()).orElseThrow();
    }

    // --- outbox --------------------------------------------------------------------------------------------

    @Override
    public synchronized List<PendingSync> claimDue(Instant now, Instant leaseUntil, int max) {
        checkWritable();
        return outbox.claimDue(now, leaseUntil, max).stream()
                .map(e -> new PendingSync(e.id, e.value, e.attempts, e.refusals)).toList();
    }

    @Override
    public synchronized void delivered(long id, Instant at) {
        checkWritable();
        outbox.delivered(id, at);
    }

    @Override
    public synchronized void retryLater(long id, boolean refused, Instant nextAttemptAt, String error) {
        checkWritable();
        outbox.retryLater(id, refused, nextAttemptAt);
    }

    @Override
    public synchronized void release(long id, Instant at) {
        checkWritable();
        outbox.release(id, at);
    }

    @Override
    public synchronized void abandon(long id, Instant at, Reason why) {
        checkWritable();
        outbox.abandon(id, at);
    }

    @Override
    public synchronized boolean hasPending(String feedbackId) {
        return outbox.rows().anyMatch(e -> e.isPending() && e.value.feedbackId().equals(feedbackId));
    }

    @Override
    public synchronized Optional<Instant> lastDelivered(String feedbackId) {
        return outbox.rows().filter(e -> e.deliveredAt != null && e.value.feedbackId().equals(feedbackId))
                .map(e -> e.deliveredAt).max(Comparator.naturalOrder());
    }

    // --- card outbox ---------------------------------------------------------------------------------------

    /** The card outbox over this store: its posts and updates are written with the feedback and its changes. */
    public CardOutbox cards() {
        return cardOutbox;
    }

    /** The card entries still pending, oldest first, as (feedback id, kind), or (problem id, kind) of a problem's. */
    public synchronized List<String> pendingCards() {
        return cards.rows().filter(Row::isPending).map(r -> (r.value.kind.announcesProblem() ? r.value.problemId
                : r.value.feedbackId) + ":" + r.value.kind.name().toLowerCase(java.util.Locale.ROOT)).toList();
    }

    private final CardOutbox cardOutbox = new CardOutbox() {
        @Override
        public List<PendingCard> claimDue(Instant now, Instant leaseUntil, int max) {
            synchronized (InMemoryStore.this) {
                checkWritable();
                return cards.claimDue(now, leaseUntil, max).stream().map(r -> new PendingCard(r.id,
                        r.value.feedbackId, r.value.kind, r.value.kind.announcesProblem() ? null
                        : messageOf(r.value.feedbackId), r.attempts, r.refusals, r.value.problemId,
                        r.value.occasion)).toList();
            }
        }

        @Override
        public void messagePosted(long id, String messageId) {
            synchronized (InMemoryStore.this) {
                checkWritable();
                cards.row(id).value.messageId = messageId;
            }
        }

        @Override
        public void delivered(long id, Instant at) {
            synchronized (InMemoryStore.this) {
                checkWritable();
                cards.delivered(id, at);
            }
        }

        @Override
        public void retryLater(long id, boolean refused, Instant nextAttemptAt, String error) {
            synchronized (InMemoryStore.this) {
                checkWritable();
                cards.retryLater(id, refused, nextAttemptAt);
            }
        }

        @Override
        public void release(long id, Instant at) {
            synchronized (InMemoryStore.this) {
                checkWritable();
                cards.release(id, at);
            }
        }

        @Override
        public void abandon(long id, Instant at, Reason why) {
            synchronized (InMemoryStore.this) {
                checkWritable();
                cards.abandon(id, at);
            }
        }
    };

    private String messageOf(String feedbackId) {
        return cards.rows().filter(r -> feedbackId.equals(r.value.feedbackId) && r.value.messageId != null)
                .map(r -> r.value.messageId).findFirst().orElse(null);
    }

    /** What a card outbox row is about; its message id is set once its post went out. */
    private static final class CardRow {
        private final String feedbackId;
        private final PendingCard.Kind kind;
        private final String problemId;
        private final String occasion;
        private String messageId;

        CardRow(String feedbackId, PendingCard.Kind kind) {
            this(feedbackId, kind, null, null);
        }

        CardRow(String feedbackId, PendingCard.Kind kind, String problemId, String occasion) {
            this.feedbackId = feedbackId;
            this.kind = kind;
            this.problemId = problemId;
            this.occasion = occasion;
        }
    }

    /**
     * The rows of one outbox, in id order; a row's id is its place in the list, from 1. Of one feedback only the
     * oldest pending row is claimed. Changed under the store's lock only.
     */
    private static final class Rows<T> {
        private final List<Row<T>> rows = new ArrayList<>();
        private final Function<T, String> feedbackId;

        Rows(Function<T, String> feedbackId) {
            this.feedbackId = feedbackId;
        }

        void queue(T value, Instant dueAt) {
            rows.add(new Row<>(rows.size() + 1L, value, dueAt));
        }

        Stream<Row<T>> rows() {
            return rows.stream();
        }

        Row<T> row(long id) {
            return rows.get((int) id - 1);
        }

        List<Row<T>> claimDue(Instant now, Instant leaseUntil, int max) {
            Set<String> feedbackSeen = new HashSet<>();
            List<Row<T>> claimed = new ArrayList<>();
            for (Row<T> row : rows) {
                // in id order: the first pending row of a feedback holds back its later ones
                String key = feedbackId.apply(row.value);
                if (!row.isPending() || key != null && !feedbackSeen.add(key)) {
                    continue;
                }
                if (claimed.size() < max && !row.nextAttemptAt.isAfter(now)) {
                    row.nextAttemptAt = leaseUntil;
                    claimed.add(row);
                }
            }
            return claimed;
        }

        void delivered(long id, Instant at) {
            row(id).deliveredAt = at;
        }

        void retryLater(long id, boolean refused, Instant nextAttemptAt) {
            Row<T> row = row(id);
            row.attempts++;
            row.refusals += refused ? 1 : 0;
            row.nextAttemptAt = nextAttemptAt;
        }

        void release(long id, Instant at) {
            row(id).nextAttemptAt = at;
        }

        void abandon(long id, Instant at) {
            Row<T> row = row(id);
            row.attempts++;
            row.refusals++;
            row.abandonedAt = at;
        }
    }

    private static final class Row<T> {
        private final long id;
        private final T value;
        private int attempts;
        private int refusals;
        private Instant nextAttemptAt;
        private Instant deliveredAt;
        private Instant abandonedAt;

        Row(long id, T value, Instant dueAt) {
            this.id = id;
            this.value = value;
            this.nextAttemptAt = dueAt;
        }

        boolean isPending() {
            return deliveredAt == null && abandonedAt == null;
        }
    }

    private void checkWritable() {
        if (failWrites) {
            throw new StorageUnavailableException("in-memory store is failing writes on purpose", null);
        }
    }

    private void checkValuesTaken() {
        if (refuseValues) {
            throw new UnstorableEventException("in-memory store is refusing values on purpose", null);
        }
    }

    /**
     * A page of a listing ordered by rank (lowest first, such as P1 before P2), then newest first. Listings in plain
     * newest-first order rank every item the same.
     */
    private static <T> Page<T> page(Stream<T> items, Function<T, String> rank, Function<T, EventMeta> meta,
                                    String listing, PageRequest page) {
        return page(items, item -> new Position(rank.apply(item), meta.apply(item).receivedAt(),
                meta.apply(item).eventId()), listing, page);
    }

    /** A page in the order of the items' positions, ascending. */
    private static <T> Page<T> page(Stream<T> items, Function<T, Position> position, String listing,
                                    PageRequest page) {
        Stream<T> after = items;
        if (page.cursor() != null) {
            Position last = Position.decode(page.cursor(), listing);
            after = items.filter(item -> last.compareTo(position.apply(item)) < 0);
        }
        // One extra item tells whether there is a next page.
        List<T> window = after.sorted(Comparator.comparing(position)).limit(page.limit() + 1L).toList();
        if (window.size() <= page.limit()) {
            return new Page<>(window, null);
        }
        List<T> pageItems = window.subList(0, page.limit());
        return new Page<>(pageItems, position.apply(pageItems.get(pageItems.size() - 1)).encode(listing));
    }

    /** Where a page ended: the last item's rank, receive time and event id, named by listing so cursors do not cross. */
    private record Position(String rank, Instant receivedAt, String eventId) implements Comparable<Position> {
        private static final Comparator<Position> ORDER = Comparator.comparing(Position::rank)
                .thenComparing(Position::receivedAt, Comparator.reverseOrder())
                .thenComparing(Position::eventId, Comparator.reverseOrder());

        @Override
        public int compareTo(Position other) {
            return ORDER.compare(this, other);
        }

        String encode(String listing) {
            String plain = listing + ":" + rank + ":" + receivedAt.getEpochSecond() + ":" + receivedAt.getNano() + ":"
                    + eventId;
            return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
        }

        static Position decode(String cursor, String listing) {
            try {
                String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split(":", 5);
                if (parts.length == 5 && parts[0].equals(listing) && !parts[4].isEmpty()) {
                    return new Position(parts[1], Instant.ofEpochSecond(Long.parseLong(parts[2]),
                            Long.parseLong(parts[3])), parts[4]);
                }
            } catch (IllegalArgumentException | DateTimeException | ArithmeticException e) {
                // not base64, or numbers out of range: not one of ours either
            }
            throw new InvalidCursorException("not a cursor of this listing");
        }
    }
}
