package dev.larkinbox.domain.card;

import dev.larkinbox.domain.inbox.FeedbackStatus;
import dev.larkinbox.domain.label.Labelled;
import dev.larkinbox.domain.reason.Reason;
import dev.larkinbox.domain.workflow.Actor;
import dev.larkinbox.domain.workflow.WorkFeedbackCommand;
import java.util.Arrays;
import java.util.Optional;

/** A button on a feedback's chat card, and the change it asks the workflow for on behalf of whoever clicked. */
public enum CardAction implements Labelled {
    ACKNOWLEDGE,
    ASSIGN_TO_ME,
    RESOLVE;

    /** The names in a button's value, which Lark brings back with a click: which feedback, which action. */
    public static final String VALUE_FEEDBACK_ID = "feedback_id";
    public static final String VALUE_ACTION = "action";

    /** What the clicking person is told once it is done. */
    public Reason done() {
        return Reason.of("card.done." + label());
    }

    public WorkFeedbackCommand command(String feedbackId, Actor actor) {
        return switch (this) {
            case ACKNOWLEDGE -> new WorkFeedbackCommand(feedbackId, FeedbackStatus.ACKNOWLEDGED, null, null, null, null, actor);
            // the open_id names them as assignee: the card shows that someone is, never their id
            case ASSIGN_TO_ME -> new WorkFeedbackCommand(feedbackId, null, actor.name(), null, null, null, actor);
            case RESOLVE -> new WorkFeedbackCommand(feedbackId, FeedbackStatus.RESOLVED, null, null, null, null, actor);
        };
    }

    /** Empty for a name no button of ours carries. */
    public static Optional<CardAction> fromLabel(String label) {
        return Arrays.stream(values()).filter(a -> a.label().equals(label)).findFirst();
    }
}
