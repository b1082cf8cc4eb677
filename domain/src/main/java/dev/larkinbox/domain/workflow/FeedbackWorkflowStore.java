package dev.larkinbox.domain.workflow;

import dev.larkinbox.domain.event.Delivery;
import dev.larkinbox.domain.event.EventMeta;
import java.util.List;
import java.util.Optional;

/** Outgoing port: the changes made to feedback in the inbox, and their history. */
public interface FeedbackWorkflowStore {

    /**
     * Writes the feedback's new status and assignee, its history entry, when there is one its outbox entry, and when
     * the feedback has a chat card an update of that card in the card outbox, in one transaction, provided the
     * feedback is still at {@link WorkflowChange#fromVersion()}.
     *
     * @return false when the feedback is at another version (or gone): nothing written
     * @throws dev.larkinbox.domain.event.StorageUnavailableException when nothing could be committed
     */
    boolean record(WorkflowChange change);

    /**
     * Records a Lark event that changes feedback: its ledger entry (outcome stored, the raw event kept with it) and
     * every change as {@link #record} writes it, in one transaction. An event id seen before (of any type) writes nothing and is a
     * {@link Delivery#DUPLICATE}.
     *
     * @param problem what of the event was not applied, for a person (no personal data); null when all was
     * @throws ConcurrentChangeException when a change's feedback is no longer at its version: nothing written
     * @throws dev.larkinbox.domain.event.StorageUnavailableException when nothing could be committed
     */
    default Delivery recordLarkEvent(EventMeta meta, String rawEvent, String problem, List<WorkflowChange> changes) {
        return recordLarkEvent(meta, rawEvent, problem, changes, AwaitedStatus.NONE);
    }

    /**
     * As {@link #recordLarkEvent(EventMeta, String, String, List)}, keeping in the same transaction the status
     * for the feedback not in the inbox yet.
     */
    Delivery recordLarkEvent(EventMeta meta, String rawEvent, String problem, List<WorkflowChange> changes,
                             AwaitedStatus awaited);

    /** The status Lark set last for the feedback before it arrived; empty when none waits. */
    Optional<LarkFeedbackStatus> awaitedStatus(String feedbackId);

    /** The awaited status was applied (or was no change): it waits no more. */
    void forgetAwaited(String feedbackId);

    /** Every change of the feedback, oldest first; empty for a feedback never changed (or unknown). */
    List<HistoryEntry> history(String feedbackId);
}
