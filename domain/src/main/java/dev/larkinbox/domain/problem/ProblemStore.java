package dev.larkinbox.domain.problem;

import dev.larkinbox.domain.inbox.FeedbackStatus;
import dev.larkinbox.domain.reason.Reason;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;

/** Outgoing port: the problems as the grouping and the team change them. Reading them is {@link ProblemBoard}'s. */
public interface ProblemStore {

    /**
     * Runs one grouping round in one transaction, alone: while a round runs, in this instance or in another on the
     * same database, no other is started. What the round writes is committed together, or nothing of it. The store
     * may do its own upkeep after a round (of what was stored since the last), even after one that grouped nothing.
     *
     * @return the round's result; empty when another round was running, so this one was not started
     * @throws dev.larkinbox.domain.event.StorageUnavailableException when nothing could be committed
     */
    <T> Optional<T> groupAlone(Function<GroupingRound, T> round);

    /**
     * What waits for grouping, read outside any round: when the oldest waiting was received, and how many of those
     * waiting were received after {@code since}, counted up to {@code countUpTo}.
     *
     * @return empty when nothing waits
     */
    Optional<GroupingBacklog> backlog(Instant since, int countUpTo);

    /**
     * The status the team moved the problem to.
     *
     * @return false when there is no such problem
     */
    boolean moveTo(String problemId, FeedbackStatus status);

    /**
     * Moves every feedback of {@code problemId} into {@code intoProblemId}, which then counts them and keeps the
     * reason, and forgets the first problem; never while a grouping round runs.
     *
     * @return false when either problem does not exist: nothing changed
     */
    boolean merge(String problemId, String intoProblemId, Reason reason);
}
