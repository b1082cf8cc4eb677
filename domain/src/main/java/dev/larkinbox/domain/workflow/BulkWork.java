package dev.larkinbox.domain.workflow;

import dev.larkinbox.domain.inbox.FeedbackInbox;
import dev.larkinbox.domain.inbox.FeedbackOrder;
import dev.larkinbox.domain.inbox.TriagedFeedback;
import dev.larkinbox.domain.paging.Page;
import dev.larkinbox.domain.paging.PageRequest;
import dev.larkinbox.domain.reason.Reason;
import dev.larkinbox.domain.workflow.BulkOutcome.NotApplied;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Makes a bulk change one feedback at a time through {@link WorkFeedback}, so that each is decided, written, kept in
 * its history and sent to Lark exactly as a single change is. A filter's feedback are read newest first a batch at a
 * time; a feedback the change moves out of the filter does not shift the batches (they follow the list's positions,
 * not offsets), and what arrives meanwhile, newer than where the reading started, is not changed.
 */
public final class BulkWork implements WorkInBulk {
    static final int BATCH = PageRequest.MAX_LIMIT;

    private final FeedbackInbox inbox;
    private final WorkFeedback work;

    public BulkWork(FeedbackInbox inbox, WorkFeedback work) {
        this.inbox = Objects.requireNonNull(inbox, "inbox");
        this.work = Objects.requireNonNull(work, "work");
    }

    @Override
    public BulkOutcome preview(BulkChangeCommand command) {
        return run(command, false);
    }

    @Override
    public BulkOutcome apply(BulkChangeCommand command) {
        return run(command, true);
    }

    private BulkOutcome run(BulkChangeCommand command, boolean write) {
        Tally tally = new Tally();
        if (command.feedbackIds() != null) {
            for (String id : command.feedbackIds()) {
                Optional<TriagedFeedback> item = inbox.find(id);
                if (item.isPresent()) {
                    one(item.get(), command, write, tally);
                } else {
                    tally.notApplied(id, Reason.of("workflow.no-such-feedback"));
                }
            }
            return tally.outcome();
        }
        String cursor = null;
        do {
            Page<TriagedFeedback> batch = inbox.list(command.filter(), FeedbackOrder.NEWEST,
                    new PageRequest(BATCH, cursor));
            batch.items().forEach(item -> one(item, command, write, tally));
            cursor = batch.nextCursor();
        } while (cursor != null);
        return tally.outcome();
    }

    private void one(TriagedFeedback item, BulkChangeCommand command, boolean write, Tally tally) {
        String id = item.feedback().feedbackId();
        if (command.status() != null && command.status() != item.status()) {
            Transition transition = WorkflowPolicy.decide(item.status(), command.status());
            if (!transition.allowed()) {
                tally.notApplied(id, transition.reason());
                return;
            }
        }
        if (alreadyAsAsked(item, command)) {
            tally.unchanged++; // its note alone would be an entry of its own: a bulk note goes with a change
            return;
        }
        if (!write) {
            tally.changed++;
            return;
        }
        try {
            work.work(command.of(id));
            tally.changed++;
        } catch (ImpossibleTransitionException e) {
            tally.notApplied(id, e.transition().reason()); // it moved meanwhile, where the move does not apply
        } catch (ConcurrentChangeException e) {
            tally.notApplied(id, Reason.of("workflow.kept-changing"));
        } catch (FeedbackNotFoundException e) {
            tally.notApplied(id, Reason.of("workflow.no-such-feedback"));
        }
    }

    private static boolean alreadyAsAsked(TriagedFeedback item, BulkChangeCommand command) {
        String assignee = WorkFeedbackCommand.UNASSIGN.equals(command.assignee()) ? null : command.assignee();
        return (command.status() == null || command.status() == item.status())
                && (command.assignee() == null || Objects.equals(assignee, item.assignee()))
                && (command.priority() == null || command.priority() == item.triage().priority());
    }

    private static final class Tally {
        private long changed;
        private long unchanged;
        private long notAppliedCount;
        private final List<NotApplied> notApplied = new ArrayList<>();

        void notApplied(String feedbackId, Reason reason) {
            notAppliedCount++;
            if (notApplied.size() < BulkOutcome.MAX_LISTED) {
                notApplied.add(new NotApplied(feedbackId, reason));
            }
        }

        BulkOutcome outcome() {
            return new BulkOutcome(changed, unchanged, notApplied, notAppliedCount);
        }
    }
}
