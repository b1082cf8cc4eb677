package dev.larkinbox.domain.workflow;

import dev.larkinbox.domain.event.Delivery;
import dev.larkinbox.domain.event.EventMeta;
import dev.larkinbox.domain.inbox.FeedbackInbox;
import dev.larkinbox.domain.inbox.FeedbackStatus;
import dev.larkinbox.domain.inbox.TriagedFeedback;
import dev.larkinbox.domain.paging.Page;
import dev.larkinbox.domain.paging.PageRequest;
import dev.larkinbox.domain.reply.ReporterMessage;
import dev.larkinbox.domain.reply.ResolutionNotice;
import dev.larkinbox.domain.sync.StatusOutbox;
import dev.larkinbox.domain.sync.StatusSync;
import dev.larkinbox.domain.triage.Priority;
import dev.larkinbox.domain.workflow.LarkStatusRound.Skip;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Works feedback through the workflow (status, assignee, a person's priority over the triage's), keeps its history,
 * and takes the statuses Lark's console sets.
 * <p>
 * Changes are decided on the version read and written only if the feedback is still at it. A caller that named
 * the version it saw gets {@link StaleVersionException} when it moved on; otherwise the change is decided again
 * on the newer version, a few times.
 * <p>
 * A status from Lark is not applied while a change of ours is still on its way to Lark (ours is newer and will
 * overwrite it there), nor when Lark created the event before it took our last status (a late echo of an older
 * status of ours).
 */
public final class WorkflowService implements WorkFeedback, WorkFeedbackOnce, BrowseHistory, ApplyLarkStatus {
    static final int ATTEMPTS = 3;

    private final FeedbackInbox inbox;
    private final FeedbackWorkflowStore store;
    private final StatusOutbox outbox;
    private final boolean syncToLark;
    private final ResolutionNotice notice;
    private final Clock clock;

    /** @param syncToLark whether status changes made here are sent to Lark (through the outbox) */
    public WorkflowService(FeedbackInbox inbox, FeedbackWorkflowStore store, StatusOutbox outbox, boolean syncToLark,
                           Clock clock) {
        this(inbox, store, outbox, syncToLark, ResolutionNotice.OFF, clock);
    }

    /** @param notice whether a resolution tells the reporter, and in which language */
    public WorkflowService(FeedbackInbox inbox, FeedbackWorkflowStore store, StatusOutbox outbox, boolean syncToLark,
                           ResolutionNotice notice, Clock clock) {
        this.inbox = Objects.requireNonNull(inbox, "inbox");
        this.store = Objects.requireNonNull(store, "store");
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        this.syncToLark = syncToLark;
        this.notice = Objects.requireNonNull(notice, "notice");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public TriagedFeedback work(WorkFeedbackCommand command) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            TriagedFeedback item = current(command);
            Optional<WorkflowChange> change = decide(item, command);
            if (change.isEmpty()) {
                return item; // asked for what already is: nothing to record
            }
            if (store.record(change.get())) {
                return after(item, change.get());
            }
            // moved on meanwhile: the next round decides again, or reports the stale version the caller named
        }
        throw new ConcurrentChangeException("the feedback kept changing; try again");
    }

    @Override
    public WorkedFeedback workOnce(EventMeta meta, String rawEvent, WorkFeedbackCommand command) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            TriagedFeedback item = current(command);
            Optional<WorkflowChange> change = decide(item, command);
            Delivery delivery;
            try {
                // an event that changes nothing is recorded too: a replay of it is then known as one
                delivery = store.recordLarkEvent(meta, rawEvent,
                        change.isEmpty() ? "the feedback already was as asked" : null, change.stream().toList());
            } catch (ConcurrentChangeException e) {
                continue; // moved on meanwhile: decide again on what is there now
            }
            if (delivery == Delivery.DUPLICATE) {
                return new WorkedFeedback(current(command), Delivery.DUPLICATE);
            }
            return new WorkedFeedback(change.map(c -> after(item, c)).orElse(item), Delivery.NEW);
        }
        throw new ConcurrentChangeException("the feedback kept changing; try again");
    }

    private TriagedFeedback current(WorkFeedbackCommand command) {
        return inbox.find(command.feedbackId()).orElseThrow(() -> new FeedbackNotFoundException(command.feedbackId()));
    }

    /** The change the command makes to the feedback as it is; empty when it asks for what already is. */
    private Optional<WorkflowChange> decide(TriagedFeedback item, WorkFeedbackCommand command) {
        if (command.expectedVersion() != null && command.expectedVersion() != item.version()) {
            throw new StaleVersionException(command.expectedVersion(), item.version());
        }
        FeedbackStatus to = command.status() == null ? item.status() : command.status();
        if (to != item.status()) {
            Transition transition = WorkflowPolicy.decide(item.status(), to);
            if (!transition.allowed()) {
                throw new ImpossibleTransitionException(transition);
            }
        }
        String assignee = command.assignee() == null ? item.assignee()
                : command.assignee().equals(WorkFeedbackCommand.UNASSIGN) ? null : command.assignee();
        Priority priority = command.priority() == null ? item.triage().priority() : command.priority();
        if (to == item.status() && Objects.equals(assignee, item.assignee())
                && priority == item.triage().priority() && command.note() == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        StatusSync sync = syncToLark && LarkFeedbackStatus.of(to) != LarkFeedbackStatus.of(item.status())
                ? new StatusSync(item.feedback().feedbackId(), item.feedback().appId(), LarkFeedbackStatus.of(to), now)
                : null;
        return Optional.of(change(item, to, assignee, priority, command.note(), command.actor(), now, sync));
    }

    private static TriagedFeedback after(TriagedFeedback item, WorkflowChange change) {
        return item.worked(change.status(), change.assignee(), change.priority(), change.toVersion());
    }

    @Override
    public List<HistoryEntry> history(String feedbackId) {
        if (inbox.find(feedbackId).isEmpty()) {
            throw new FeedbackNotFoundException(feedbackId);
        }
        return store.history(feedbackId);
    }

    /** A history is short (one entry per change by a person), so it is read whole and paged here. */
    @Override
    public Page<HistoryEntry> history(String feedbackId, PageRequest page) {
        List<HistoryEntry> all = history(feedbackId);
        long after = HistoryCursor.versionAfter(page.cursor(), feedbackId);
        List<HistoryEntry> rest = all.stream().filter(e -> e.version() > after).toList();
        if (rest.size() <= page.limit()) {
            return new Page<>(rest, null);
        }
        List<HistoryEntry> shown = rest.subList(0, page.limit());
        return new Page<>(shown, HistoryCursor.of(feedbackId, shown.get(shown.size() - 1).version()));
    }

    @Override
    public Delivery apply(ApplyLarkStatusCommand command) {
        Optional<LarkFeedbackStatus> status = LarkFeedbackStatus.fromCode(command.larkStatus());
        if (status.isEmpty()) {
            return store.recordLarkEvent(command.meta(), command.rawEvent(), "status " + command.larkStatus()
                    + " is not one this version knows: nothing changed", List.of(), AwaitedStatus.NONE);
        }
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            LarkStatusRound round = new LarkStatusRound(status.get(), command.omittedFeedbackIds());
            for (String feedbackId : command.feedbackIds()) {
                Optional<TriagedFeedback> found = inbox.find(feedbackId);
                Optional<Skip> skip = found.isEmpty() ? Optional.of(Skip.NOT_ARRIVED)
                        : skipped(command.meta(), status.get(), found.get());
                skip.ifPresentOrElse(why -> round.skip(why, feedbackId),
                        () -> round.apply(larkChange(found.get(), status.get(), command.by())));
            }
            try {
                return store.recordLarkEvent(command.meta(), command.rawEvent(), round.notApplied(), round.changes(),
                        round.awaited());
            } catch (ConcurrentChangeException e) {
                // a feedback changed between reading and writing: decide again on what is there now
            }
        }
        throw new ConcurrentChangeException("feedback named by event " + command.meta().eventId() + " kept changing");
    }

    /** Why Lark's status is not applied to the feedback; empty when it is. */
    private Optional<Skip> skipped(EventMeta meta, LarkFeedbackStatus status, TriagedFeedback item) {
        String feedbackId = item.feedback().feedbackId();
        if (status.agreesWith(item.status())) {
            return Optional.of(Skip.AGREES);
        }
        if (outbox.hasPending(feedbackId)) {
            return Optional.of(Skip.OURS_ON_ITS_WAY);
        }
        if (isOlderThanOurLastSync(meta, feedbackId)) {
            return Optional.of(Skip.OLDER_THAN_OURS);
        }
        return Optional.empty();
    }

    @Override
    public void applyAwaited(String feedbackId) {
        Optional<LarkFeedbackStatus> awaited = store.awaitedStatus(feedbackId);
        if (awaited.isEmpty()) {
            return;
        }
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Optional<TriagedFeedback> found = inbox.find(feedbackId);
            if (found.isEmpty()) {
                return; // not arrived after all: it keeps waiting
            }
            TriagedFeedback item = found.get();
            // a change of ours made since it arrived is newer than what Lark said before it arrived
            if (awaited.get().agreesWith(item.status()) || outbox.hasPending(feedbackId)
                    || store.record(larkChange(item, awaited.get(), Actor.LARK))) {
                store.forgetAwaited(feedbackId);
                return;
            }
        }
        throw new ConcurrentChangeException("feedback " + feedbackId + " kept changing");
    }

    private boolean isOlderThanOurLastSync(EventMeta meta, String feedbackId) {
        return meta.createdAt() != null
                && outbox.lastDelivered(feedbackId).filter(meta.createdAt()::isBefore).isPresent();
    }

    /** Lark's status taken as it is, nothing else of the feedback changing; Lark is told nothing back. */
    private WorkflowChange larkChange(TriagedFeedback item, LarkFeedbackStatus status, Actor by) {
        return change(item, status.toStatus(), item.assignee(), item.triage().priority(), null, by, clock.instant(),
                null);
    }

    /** A resolution, by whoever, tells the reporter when {@link ResolutionNotice} says so. */
    private WorkflowChange change(TriagedFeedback item, FeedbackStatus to, String assignee, Priority priority,
                                  String note, Actor actor, Instant at, StatusSync sync) {
        String feedbackId = item.feedback().feedbackId();
        var entry = new HistoryEntry(feedbackId, item.version() + 1, at, actor, item.status(), to, item.assignee(),
                assignee, item.triage().priority(), priority, note);
        ReporterMessage message = notice.decide(item.status(), to, item.feedback().user().openId() != null)
                .orElse(null);
        return new WorkflowChange(feedbackId, item.version(), to, assignee, priority, entry, sync, message);
    }
}
