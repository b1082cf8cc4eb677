package dev.larkinbox.domain.workflow;

import java.util.List;
import java.util.Objects;

/**
 * A status Lark's console set on feedback the inbox does not hold yet (its event is late, or still to be
 * recovered): kept, and applied when the feedback arrives.
 */
public record AwaitedStatus(List<String> feedbackIds, LarkFeedbackStatus status) {
    public static final AwaitedStatus NONE = new AwaitedStatus(List.of(), LarkFeedbackStatus.UNMARKED);

    public AwaitedStatus {
        feedbackIds = List.copyOf(Objects.requireNonNull(feedbackIds, "feedbackIds"));
        Objects.requireNonNull(status, "status");
    }
}
