package dev.larkinbox.outbound.db.problem;

import static dev.larkinbox.outbound.db.postgres.PostgresText.storable;

import dev.larkinbox.domain.event.StorageUnavailableException;
import dev.larkinbox.domain.feedback.FeedbackType;
import dev.larkinbox.domain.inbox.FeedbackStatus;
import dev.larkinbox.domain.inbox.TriagedFeedback;
import dev.larkinbox.domain.paging.InvalidCursorException;
import dev.larkinbox.domain.paging.Page;
import dev.larkinbox.domain.paging.PageRequest;
import dev.larkinbox.domain.problem.GroupingBacklog;
import dev.larkinbox.domain.problem.GroupingRound;
import dev.larkinbox.domain.problem.Problem;
import dev.larkinbox.domain.problem.ProblemBoard;
import dev.larkinbox.domain.problem.ProblemFilter;
import dev.larkinbox.domain.problem.ProblemNotFoundException;
import dev.larkinbox.domain.problem.ProblemOrder;
import dev.larkinbox.domain.problem.ProblemStore;
import dev.larkinbox.domain.reason.Reason;
import dev.larkinbox.domain.triage.Priority;
import dev.larkinbox.outbound.db.inbox.FeedbackView;
import dev.larkinbox.outbound.db.postgres.Keyset;
import dev.larkinbox.outbound.db.postgres.PostgresReasons;
import dev.larkinbox.outbound.db.postgres.StorageFailures;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Problems in PostgreSQL. A grouping round holds a transaction-scoped advisory lock, so that of two instances on one
 * database only one groups at a time (the other skips that round) and no key can get two problems; a merge waits for
 * it. Counts are kept on the problem's row, and per second beside it, as its feedback is assigned, so that listing
 * problems and assessing a spike read no feedback.
 */
@Singleton
public class PostgresProblems implements ProblemStore, ProblemBoard {
    private static final Logger LOG = LoggerFactory.getLogger(PostgresProblems.class);
    /** How long the merge of the description index's pending list may take: see {@link #groupAlone}. */
    private static final String MERGE_TIMEOUT = "60s";
    private static final String LISTING = "problems";
    private static final String LISTING_BY_COUNT = "problems-by-count";
    private static final String MEMBERS = "problem-feedback";

    private final ProblemRepository problems;
    private final GroupingRepository grouping;
    private final TransactionOperations<Connection> transactions;

    public PostgresProblems(ProblemRepository problems, GroupingRepository grouping,
                            TransactionOperations<Connection> transactions) {
        this.problems = problems;
        this.grouping = grouping;
        this.transactions = transactions;
    }

    /**
     * After the round, in a transaction of its own (the round's work stays whatever becomes of it), the round that
     * ran indexes the descriptions stored meanwhile. That merge may take longer than a request's statement may (its
     * 1.5 s): after 200,000 stored at full speed under load, rounds whose grouping was committed were reported failed,
     * and this merge, with a request's timeout, is all that runs after that commit. It has a minute; should it fail
     * anyway, the round is still done, and the next one merges. A round that yields to a burst runs empty for this
     * merge: otherwise the list would grow past its limit and an insert storing events would merge it, in the
     * requests' time.
     */
    @Override
    public <T> Optional<T> groupAlone(Function<GroupingRound, T> round) {
        Optional<T> result = StorageFailures.writing(() -> transactions.executeWrite(status -> {
            if (!grouping.tryGroupingLock()) {
                return Optional.empty();
            }
            PostgresGroupingRound thisRound = new PostgresGroupingRound(grouping, status.getConnection());
            T outcome = round.apply(thisRound);
            thisRound.flush();
            return Optional.of(outcome);
        }));
        if (result.isPresent()) {
            try {
                StorageFailures.writing(() -> transactions.executeWrite(status -> {
                    try (Statement statement = status.getConnection().createStatement()) {
                        statement.execute("SET LOCAL statement_timeout = '" + MERGE_TIMEOUT + "'");
                    }
                    return grouping.indexDescriptions();
                }));
            } catch (StorageUnavailableException e) {
                LOG.warn("merging the descriptions' pending index entries failed ({}): the next round merges them",
                        e.getMessage());
            }
        }
        return result;
    }

    @Override
    public Optional<GroupingBacklog> backlog(Instant since, int countUpTo) {
        BacklogView view = StorageFailures.reading(() -> grouping.backlog(since, countUpTo));
        return Optional.ofNullable(view.oldest()).map(oldest -> new GroupingBacklog(oldest, view.arrived()));
    }

    @Override
    public boolean moveTo(String problemId, FeedbackStatus status) {
        return StorageFailures.writing(() -> transactions.executeWrite(s ->
                problems.moveTo(storable(problemId), status.label()) == 1));
    }

    @Override
    public boolean merge(String problemId, String intoProblemId, Reason reason) {
        String from = storable(problemId);
        String into = storable(intoProblemId);
        return StorageFailures.writing(() -> transactions.executeWrite(s -> {
            grouping.waitForGroupingLock();
            if (problems.existing(from, into) != 2) {
                return false;
            }
            problems.absorb(from, into, PostgresReasons.stored(reason));
            problems.moveFeedback(from, into);
            problems.moveReports(from, into);
            problems.moveTenants(from, into);
            problems.delete(from);
            problems.recount(into);
            return true;
        }));
    }

    @Override
    public Page<Problem> list(ProblemFilter filter, ProblemOrder order, PageRequest page) {
        String appId = storable(filter.appId());
        String[] statuses = filter.statuses().stream().map(FeedbackStatus::label).toArray(String[]::new);
        String[] priorities = filter.priorities().stream().map(Priority::name).toArray(String[]::new);
        int limit = page.limit() + 1;
        return switch (order) {
            case LAST_SEEN -> {
                Keyset after = Keyset.fromCursor(page.cursor(), LISTING);
                List<ProblemView> rows = StorageFailures.reading(() -> problems.listLastSeen(appId, statuses,
                        priorities, filter.spiking(), after == null ? null : after.receivedAt(),
                        after == null ? null : after.eventId(), limit));
                yield Keyset.page(rows, page.limit(), LISTING, ProblemView::position, ProblemView::toDomain);
            }
            case COUNT -> {
                Keyset after = Keyset.fromCursor(page.cursor(), LISTING_BY_COUNT);
                Long afterCount = after == null ? null : count(after.rank());
                List<ProblemView> rows = StorageFailures.reading(() -> problems.listByCount(appId, statuses,
                        priorities, filter.spiking(), afterCount, after == null ? null : after.receivedAt(),
                        after == null ? null : after.eventId(), limit));
                yield Keyset.page(rows, page.limit(), LISTING_BY_COUNT, ProblemView::positionByCount,
                        ProblemView::toDomain);
            }
        };
    }

    private static long count(String rank) {
        try {
            return Long.parseLong(rank);
        } catch (NumberFormatException e) {
            throw new InvalidCursorException("not a cursor of this listing");
        }
    }

    @Override
    public Optional<Problem> find(String problemId) {
        return StorageFailures.reading(() -> problems.find(storable(problemId))).map(ProblemView::toDomain);
    }

    @Override
    public List<Problem> seenRecently(String appId, FeedbackType type, int max) {
        return StorageFailures.reading(() -> problems.seenRecently(storable(appId), type.code(), max)).stream()
                .map(ProblemView::toDomain).toList();
    }

    @Override
    public Page<TriagedFeedback> feedback(String problemId, PageRequest page) {
        String id = storable(problemId);
        Keyset after = Keyset.fromCursor(page.cursor(), MEMBERS);
        List<FeedbackView> rows = StorageFailures.reading(() -> {
            if (!problems.exists(id)) {
                throw new ProblemNotFoundException(problemId);
            }
            return problems.members(id, after == null ? null : after.receivedAt(),
                    after == null ? null : after.eventId(), page.limit() + 1);
        });
        return Keyset.page(rows, page.limit(), MEMBERS, FeedbackView::position, FeedbackView::toDomain);
    }
}
