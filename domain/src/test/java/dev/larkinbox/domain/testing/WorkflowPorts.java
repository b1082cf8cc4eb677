package dev.larkinbox.domain.testing;

import dev.larkinbox.domain.inbox.FeedbackInbox;
import dev.larkinbox.domain.ledger.EventLedger;
import dev.larkinbox.domain.recovery.RecoveryInbox;
import dev.larkinbox.domain.sync.StatusOutbox;
import dev.larkinbox.domain.workflow.FeedbackWorkflowStore;
import java.util.Objects;

/** The ports of one store that working feedback uses, as {@link WorkflowPortsContract} exercises them together. */
public record WorkflowPorts(FeedbackInbox inbox, FeedbackWorkflowStore workflow, StatusOutbox outbox,
                            RecoveryInbox recovery, EventLedger ledger) {
    public WorkflowPorts {
        Objects.requireNonNull(inbox, "inbox");
        Objects.requireNonNull(workflow, "workflow");
        Objects.requireNonNull(outbox, "outbox");
        Objects.requireNonNull(recovery, "recovery");
        Objects.requireNonNull(ledger, "ledger");
    }

    public static WorkflowPorts of(InMemoryStore store) {
        return new WorkflowPorts(store, store, store, store, store);
    }
}
