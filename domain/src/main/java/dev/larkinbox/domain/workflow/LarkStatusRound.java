package dev.larkinbox.domain.workflow;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What one attempt at applying the status of a Lark event to the feedback it names comes to: the changes to
 * record, and the feedback left as they were, by why.
 */
final class LarkStatusRound {
    /** Why a feedback is left as it was; in the order the event's ledger entry tells them. */
    enum Skip {
        NOT_ARRIVED("not in the inbox yet (applied when they arrive)"),
        OURS_ON_ITS_WAY("with a newer status of ours on its way to Lark"),
        OLDER_THAN_OURS("older than the status Lark last took from us"),
        /** Already there: nothing to tell. */
        AGREES(null);

        private final String told;

        Skip(String told) {
            this.told = told;
        }
    }

    private final LarkFeedbackStatus status;
    private final int omitted;
    private final List<WorkflowChange> changes = new ArrayList<>();
    private final Map<Skip, List<String>> skipped = new EnumMap<>(Skip.class);

    /** @param omitted how many feedback ids the event named beyond those the command keeps */
    LarkStatusRound(LarkFeedbackStatus status, int omitted) {
        this.status = status;
        this.omitted = omitted;
    }

    void apply(WorkflowChange change) {
        changes.add(change);
    }

    void skip(Skip why, String feedbackId) {
        skipped.computeIfAbsent(why, w -> new ArrayList<>()).add(feedbackId);
    }

    List<WorkflowChange> changes() {
        return changes;
    }

    /** The feedback not arrived yet take the status when they arrive. */
    AwaitedStatus awaited() {
        List<String> waiting = skipped.getOrDefault(Skip.NOT_ARRIVED, List.of());
        return waiting.isEmpty() ? AwaitedStatus.NONE : new AwaitedStatus(waiting, status);
    }

    /** What the ledger entry says of the feedback left as they were; null when there is nothing to say. */
    String notApplied() {
        List<String> parts = new ArrayList<>();
        if (omitted > 0) {
            parts.add(omitted + " beyond the first " + ApplyLarkStatusCommand.MAX_FEEDBACK_IDS + " named");
        }
        skipped.forEach((why, feedbackIds) -> {
            if (why.told != null) {
                parts.add(feedbackIds.size() + " " + why.told);
            }
        });
        return parts.isEmpty() ? null : "not applied to feedback: " + String.join(", ", parts);
    }
}
