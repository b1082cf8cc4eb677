package dev.larkinbox.domain.problem;

import dev.larkinbox.domain.inbox.FeedbackStatus;
import dev.larkinbox.domain.inbox.TriagedFeedback;
import dev.larkinbox.domain.paging.Page;
import dev.larkinbox.domain.paging.PageRequest;
import dev.larkinbox.domain.workflow.ConcurrentChangeException;
import dev.larkinbox.domain.workflow.ImpossibleTransitionException;
import dev.larkinbox.domain.workflow.Transition;
import dev.larkinbox.domain.workflow.WorkFeedback;
import dev.larkinbox.domain.workflow.WorkFeedbackCommand;
import dev.larkinbox.domain.workflow.WorkflowPolicy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Groups stored feedback into problems after it was stored (not in the transaction that stores it, which a hot
 * problem's row would serialise), assesses their spikes, and lets the team read, work and merge them.
 * <p>
 * A round takes the oldest feedback without a problem, lets the grouping policy place each (a problem started by one
 * report of the round is a candidate for the next), reopens a resolved or closed problem reported again, and
 * assesses the spike of every problem it touched and of every problem spiking (so that a spike ends when its hour
 * below the threshold is over). All of it is written in one transaction; what a crash interrupts is grouped by the
 * next round.
 */
public final class ProblemService implements GroupNewFeedback, BrowseProblems, WorkProblem, MergeProblems {
    /** A problem is named after the report that started it, so a round that is run again names it alike. */
    static final String ID_PREFIX = "pb-";

    private final ProblemStore store;
    private final ProblemBoard board;
    private final WorkFeedback workflow;
    private final GroupingPolicy grouping;
    private final SpikePolicy spikes;
    private final Duration reportHistory;
    private final boolean announce;
    private final Clock clock;

    /**
     * @param reportHistory how far back a spike assessment needs the reports (see {@link SpikeSettings#history()})
     * @param announce      whether spikes and regressions are announced by chat cards
     */
    public ProblemService(ProblemStore store, ProblemBoard board, WorkFeedback workflow, GroupingPolicy grouping,
                          SpikePolicy spikes, Duration reportHistory, boolean announce, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.board = Objects.requireNonNull(board, "board");
        this.workflow = Objects.requireNonNull(workflow, "workflow");
        this.grouping = Objects.requireNonNull(grouping, "grouping");
        this.spikes = Objects.requireNonNull(spikes, "spikes");
        this.reportHistory = Objects.requireNonNull(reportHistory, "reportHistory");
        this.announce = announce;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public GroupingReport group(GroupNewFeedbackCommand command) {
        return store.groupAlone(round -> round(round, command.batchSize())).orElse(GroupingReport.SKIPPED);
    }

    private GroupingReport round(GroupingRound round, int batchSize) {
        Instant now = clock.instant();
        List<TriagedFeedback> batch = round.ungrouped(batchSize);
        Set<GroupingKey> keys = batch.stream().map(f -> GroupingKey.of(f.feedback())).collect(Collectors.toSet());
        List<ProblemCandidate> candidates = new ArrayList<>(keys.isEmpty() ? List.of() : round.candidates(keys));
        Set<String> touched = new LinkedHashSet<>();
        int started = 0;
        int regressions = 0;
        for (TriagedFeedback item : batch) {
            Grouping verdict = grouping.group(item.feedback(), candidates);
            ProblemCandidate problem;
            if (verdict instanceof Grouping.Joins joins) {
                problem = joins.problem();
                candidates.remove(problem);
                Optional<Regression> regression = Regression.onNewReport(problem);
                if (regression.isPresent()) {
                    round.reopen(problem.problemId(), regression.get());
                    if (announce) {
                        round.announceRegression(problem.problemId(), item);
                    }
                    problem = new ProblemCandidate(problem.problemId(), problem.key(), problem.description(),
                            regression.get().reopenedTo());
                    regressions++;
                }
            } else {
                problem = new ProblemCandidate(ID_PREFIX + item.feedback().feedbackId(), GroupingKey.of(item.feedback()),
                        item.feedback().description(), FeedbackStatus.NEW);
                round.start(problem.problemId(), problem.key(), Problem.titleOf(item.feedback().description()), item,
                        verdict.reasons());
                started++;
            }
            // the policy is given the problems seen most recently first
            candidates.add(0, problem);
            round.assign(item, problem.problemId(), verdict.reasons());
            touched.add(problem.problemId());
        }
        touched.addAll(round.spiking());
        int spikesBegun = 0;
        for (String problemId : touched) {
            ProblemPulse pulse = round.pulse(problemId, now.minus(reportHistory));
            Spike spike = spikes.assess(pulse.membersPriority(), pulse.reports(), now);
            round.assessed(problemId, spike);
            if (spike.spiking() && !spike.since().equals(pulse.spikingSince())) {
                spikesBegun++;
                if (announce) {
                    round.announceSpike(problemId, spike.since());
                }
            }
        }
        return new GroupingReport(false, batch.size(), started, regressions, spikesBegun);
    }

    @Override
    public Page<Problem> list(ProblemFilter filter, ProblemOrder order, PageRequest page) {
        return board.list(filter, order, page);
    }

    @Override
    public Optional<Problem> find(String problemId) {
        return board.find(problemId);
    }

    @Override
    public Page<TriagedFeedback> feedback(String problemId, PageRequest page) {
        return board.feedback(problemId, page);
    }

    /**
     * The move applies to each open feedback of the problem, or, when none is open, to each of its feedback (so that
     * a resolved problem can be reopened); each goes through the workflow on its own, with its history entry.
     */
    @Override
    public WorkedProblem work(WorkProblemCommand command) {
        Problem problem = board.find(command.problemId())
                .orElseThrow(() -> new ProblemNotFoundException(command.problemId()));
        List<TriagedFeedback> members = members(command.problemId());
        List<TriagedFeedback> open = members.stream().filter(f -> FeedbackStatus.OPEN.contains(f.status())).toList();
        FeedbackStatus to = command.status();
        List<String> moved = new ArrayList<>();
        List<String> unchanged = new ArrayList<>();
        boolean alreadyThere = false;
        for (TriagedFeedback item : open.isEmpty() ? members : open) {
            String feedbackId = item.feedback().feedbackId();
            if (item.status() == to || !WorkflowPolicy.decide(item.status(), to).allowed()) {
                alreadyThere |= item.status() == to;
                unchanged.add(feedbackId);
                continue;
            }
            try {
                workflow.work(new WorkFeedbackCommand(feedbackId, to, null, null, command.note(), null,
                        command.actor()));
                moved.add(feedbackId);
            } catch (ImpossibleTransitionException | ConcurrentChangeException e) {
                unchanged.add(feedbackId); // it moved meanwhile, elsewhere
            }
        }
        if (moved.isEmpty() && !alreadyThere) {
            String statuses = (open.isEmpty() ? members : open).stream().map(f -> f.status().label()).distinct()
                    .sorted().collect(Collectors.joining(", "));
            throw new ImpossibleTransitionException(new Transition(problem.status(), to, false,
                    "none of the problem's feedback may move to " + to.label() + " (they are " + statuses + ")"));
        }
        store.moveTo(command.problemId(), to);
        Problem after = board.find(command.problemId())
                .orElseThrow(() -> new ProblemNotFoundException(command.problemId()));
        return new WorkedProblem(after, moved, unchanged);
    }

    private List<TriagedFeedback> members(String problemId) {
        List<TriagedFeedback> all = new ArrayList<>();
        String cursor = null;
        do {
            Page<TriagedFeedback> page = board.feedback(problemId, new PageRequest(PageRequest.MAX_LIMIT, cursor));
            all.addAll(page.items());
            cursor = page.nextCursor();
        } while (cursor != null);
        return all;
    }

    @Override
    public Problem merge(MergeProblemsCommand command) {
        String reason = "problem " + command.problemId() + " merged into it by " + command.actor().name();
        if (!store.merge(command.problemId(), command.intoProblemId(), reason)) {
            String missing = board.find(command.problemId()).isEmpty() ? command.problemId() : command.intoProblemId();
            throw new ProblemNotFoundException(missing);
        }
        return board.find(command.intoProblemId())
                .orElseThrow(() -> new ProblemNotFoundException(command.intoProblemId()));
    }
}
