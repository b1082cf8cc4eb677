package dev.larkinbox.outbound.db.problem;

import static dev.larkinbox.outbound.db.postgres.PostgresText.storable;

import dev.larkinbox.domain.feedback.LarkCode;
import dev.larkinbox.domain.inbox.TriagedFeedback;
import dev.larkinbox.domain.problem.GroupingKey;
import dev.larkinbox.domain.problem.GroupingRound;
import dev.larkinbox.domain.problem.ProblemCandidate;
import dev.larkinbox.domain.problem.ProblemPulse;
import dev.larkinbox.domain.problem.Regression;
import dev.larkinbox.domain.problem.ReportCounts;
import dev.larkinbox.domain.problem.Spike;
import dev.larkinbox.domain.reason.Reason;
import dev.larkinbox.domain.triage.Priority;
import dev.larkinbox.outbound.db.inbox.FeedbackView;
import dev.larkinbox.outbound.db.postgres.PostgresReasons;
import io.micronaut.data.exceptions.DataAccessException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * A grouping round in PostgreSQL. Its starts, assignments and assessments are held and written together, a
 * statement each, before anything reads what they change: a round of a thousand reports then costs a handful of
 * statements, not thousands. The assignments wait for the assessments, which read what they change
 * ({@link #pulses}: from the store, and from the assignments held), so that a problem's row is written once a round.
 */
final class PostgresGroupingRound implements GroupingRound {
    /** Candidates compared per grouping key: the most recently seen. */
    static final int CANDIDATES_PER_KEY = 100;

    private record Start(String problemId, GroupingKey key, String title, TriagedFeedback first,
                         List<Reason> reasons) {
    }

    private record Assignment(TriagedFeedback feedback, String problemId, List<Reason> reasons) {
    }

    private final GroupingRepository grouping;
    /** The round's transaction's. */
    private final Connection connection;
    private final List<Start> starts = new ArrayList<>();
    private final List<Assignment> assignments = new ArrayList<>();
    private final Map<String, Spike> assessments = new HashMap<>();
    private final List<Announcement> announcements = new ArrayList<>();

    /** A chat card to post: a spike's names no feedback, a regression's the report that reopened the problem. */
    private record Announcement(String feedbackId, String kind, Instant requestedAt, String problemId,
                                String occasion) {
    }

    PostgresGroupingRound(GroupingRepository grouping, Connection connection) {
        this.grouping = grouping;
        this.connection = connection;
    }

    @Override
    public List<TriagedFeedback> ungrouped(int max) {
        flushStarts();
        List<TriagedFeedback> waiting = new ArrayList<>();
        try (PreparedStatement read = connection.prepareStatement(GroupingRepository.UNGROUPED)) {
            read.setInt(1, max);
            try (ResultSet rows = read.executeQuery()) {
                while (rows.next()) {
                    waiting.add(FeedbackView.read(rows).toDomain());
                }
            }
        } catch (SQLException e) {
            throw new DataAccessException("reading the feedback waiting for grouping failed", e);
        }
        return waiting;
    }

    @Override
    public List<ProblemCandidate> candidates(Set<GroupingKey> keys) {
        flushStarts();
        List<GroupingKey> rows = List.copyOf(keys);
        Slices<Integer> faults = Slices.of(rows.stream().map(PostgresGroupingRound::codes).toList());
        return grouping.candidates(texts(rows, GroupingKey::appId), ints(rows, k -> k.type().code()),
                        faults.first(), faults.last(), texts(rows, GroupingKey::path), ints(faults.flat(), i -> i),
                        CANDIDATES_PER_KEY)
                .stream().map(CandidateView::toDomain).toList();
    }

    @Override
    public List<String> spiking(int max) {
        flushStarts();
        return grouping.spiking(max);
    }

    @Override
    public void start(String problemId, GroupingKey key, String title, TriagedFeedback first, List<Reason> reasons) {
        starts.add(new Start(problemId, key, title, first, List.copyOf(reasons)));
    }

    @Override
    public void assign(TriagedFeedback feedback, String problemId, List<Reason> reasons) {
        assignments.add(new Assignment(feedback, problemId, List.copyOf(reasons)));
    }

    @Override
    public void reopen(String problemId, Regression regression) {
        grouping.reopen(storable(problemId), regression.reopenedTo().label(),
                PostgresReasons.stored(regression.reason()));
    }

    /** What the store holds of the problems, and the assignments this round holds for them. */
    @Override
    public Map<String, ProblemPulse> pulses(Set<String> problemIds, Instant since) {
        flushStarts();
        String[] ids = problemIds.stream().map(id -> storable(id)).toArray(String[]::new);
        Map<String, TreeMap<Instant, Integer>> counts = new HashMap<>();
        for (ReportsInSecond second : grouping.reportsPerSecond(ids, since)) {
            counts.computeIfAbsent(second.problemId(), id -> new TreeMap<>()).put(second.atSecond(), second.reports());
        }
        Instant fromSecond = since.truncatedTo(ChronoUnit.SECONDS);
        Map<String, Priority> heldPriority = new HashMap<>();
        for (Assignment held : assignments) {
            heldPriority.merge(held.problemId(), held.feedback().triage().priority(), PostgresGroupingRound::urgent);
            Instant second = held.feedback().meta().receivedAt().truncatedTo(ChronoUnit.SECONDS);
            if (!second.isBefore(fromSecond) && problemIds.contains(held.problemId())) {
                counts.computeIfAbsent(held.problemId(), id -> new TreeMap<>()).merge(second, 1, Integer::sum);
            }
        }
        Map<String, ProblemPulse> pulses = new HashMap<>();
        for (PulseView pulse : grouping.pulses(ids)) {
            TreeMap<Instant, Integer> reports = counts.get(pulse.problemId());
            Priority members = Priority.valueOf(pulse.membersPriority());
            Priority held = heldPriority.get(pulse.problemId());
            pulses.put(pulse.problemId(), new ProblemPulse(held == null ? members : urgent(members, held),
                    reports == null ? ReportCounts.NONE : new ReportCounts(reports), pulse.spikingSince()));
        }
        return pulses;
    }

    /** The more urgent of two, as SQL's least() of their names takes it ('P1' before 'P2'). */
    private static Priority urgent(Priority a, Priority b) {
        return a.name().compareTo(b.name()) <= 0 ? a : b;
    }

    @Override
    public void assessed(String problemId, Spike spike) {
        assessments.put(problemId, spike);
    }

    @Override
    public void announceSpike(String problemId, Instant since) {
        announcements.add(new Announcement(null, "spike", since, problemId, since.toString()));
    }

    @Override
    public void announceRegression(String problemId, TriagedFeedback report) {
        String feedbackId = report.feedback().feedbackId();
        announcements.add(new Announcement(feedbackId, "regression", report.meta().receivedAt(), problemId,
                feedbackId));
    }

    /** The problems started so far, which the other writes name and the reads may find. */
    private void flushStarts() {
        if (!starts.isEmpty()) {
            Slices<Integer> faults = Slices.of(starts.stream().map(s -> codes(s.key())).toList());
            Slices<Reason> reasons = Slices.of(starts.stream().map(Start::reasons).toList());
            grouping.start(texts(starts, Start::problemId), texts(starts, s -> s.key().appId()),
                    ints(starts, s -> s.key().type().code()), faults.first(), faults.last(),
                    texts(starts, s -> s.key().path()), texts(starts, s -> s.first().feedback().feedbackId()),
                    texts(starts, Start::title), texts(starts, s -> s.first().meta().receivedAt().toString()),
                    texts(starts, s -> s.first().triage().priority().name()), ints(faults.flat(), i -> i),
                    reasons.first(), reasons.last(), texts(reasons.flat(), PostgresReasons::stored));
            starts.clear();
        }
    }

    /** Writes what the round holds: the problems started first, which the others name. */
    void flush() {
        flushStarts();
        if (!assignments.isEmpty() || !assessments.isEmpty()) {
            Slices<Reason> reasons = Slices.of(assignments.stream().map(Assignment::reasons).toList());
            List<Map.Entry<String, Spike>> assessed = List.copyOf(assessments.entrySet());
            Slices<Reason> spikeReasons = Slices.of(assessed.stream()
                    .map(e -> e.getValue().spiking() ? e.getValue().reasons() : List.<Reason>of()).toList());
            grouping.write(texts(assignments, a -> a.feedback().feedback().feedbackId()),
                    texts(assignments, Assignment::problemId),
                    texts(assignments, a -> a.feedback().meta().receivedAt().toString()),
                    texts(assignments, a -> a.feedback().meta().eventId()),
                    texts(assignments, a -> a.feedback().meta().tenantKey()),
                    texts(assignments, a -> a.feedback().triage().priority().name()),
                    reasons.first(), reasons.last(), texts(reasons.flat(), PostgresReasons::stored),
                    texts(assessed, Map.Entry::getKey),
                    texts(assessed, e -> Objects.toString(e.getValue().since(), null)),
                    texts(assessed, e -> e.getValue().priority().name()), spikeReasons.first(), spikeReasons.last(),
                    texts(spikeReasons.flat(), PostgresReasons::stored));
            assignments.clear();
            assessments.clear();
        }
        if (!announcements.isEmpty()) {
            grouping.announce(texts(announcements, Announcement::feedbackId),
                    texts(announcements, Announcement::kind), texts(announcements, a -> a.requestedAt().toString()),
                    texts(announcements, Announcement::problemId), texts(announcements, Announcement::occasion));
            announcements.clear();
        }
    }

    private static List<Integer> codes(GroupingKey key) {
        return key.faultKinds().stream().map(LarkCode::code).sorted().toList();
    }

    private static <T> String[] texts(List<T> rows, Function<T, String> column) {
        return rows.stream().map(column).map(value -> storable(value)).toArray(String[]::new);
    }

    private static <T> int[] ints(List<T> rows, Function<T, Integer> column) {
        return rows.stream().map(column).mapToInt(Integer::intValue).toArray();
    }
}
