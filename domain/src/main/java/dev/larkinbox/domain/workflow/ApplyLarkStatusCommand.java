package dev.larkinbox.domain.workflow;

import dev.larkinbox.domain.event.Bounds;
import dev.larkinbox.domain.event.EventMeta;
import dev.larkinbox.domain.event.UserRef;
import dev.larkinbox.domain.validation.Text;
import java.util.List;
import java.util.Objects;

/**
 * Lark says a status was set in its console for these feedback ({@code feedback.updated_v6}).
 *
 * @param larkStatus Lark's number (0 unmarked, 1 marked, 2 processing, 3 closed, or one added later)
 * @param operator   who set it in Lark's console, as the event names them; {@link UserRef#NONE} when it does not
 * @param rawEvent   the event JSON as received, kept in the ledger
 * @param omittedFeedbackIds how many distinct feedback ids beyond the first {@value #MAX_FEEDBACK_IDS} were left out
 */
public record ApplyLarkStatusCommand(EventMeta meta, List<String> feedbackIds, int larkStatus, UserRef operator,
                                     String rawEvent, int omittedFeedbackIds) {
    /** Lark's console sets a status on one feedback at a time, or a page of them; each id is a query. */
    public static final int MAX_FEEDBACK_IDS = 200;

    /** The first {@value #MAX_FEEDBACK_IDS} distinct ids are applied, the others counted. */
    public ApplyLarkStatusCommand(EventMeta meta, List<String> feedbackIds, int larkStatus, UserRef operator,
                                  String rawEvent) {
        this(meta, feedbackIds, larkStatus, operator, rawEvent, 0);
    }

    public ApplyLarkStatusCommand {
        Objects.requireNonNull(meta, "meta");
        Objects.requireNonNull(operator, "operator");
        feedbackIds = List.copyOf(Objects.requireNonNull(feedbackIds, "feedbackIds"));
        if (feedbackIds.isEmpty()) {
            throw new IllegalArgumentException("a status update names at least one feedback id");
        }
        feedbackIds.forEach(id -> Bounds.requireId(Text.requireNonBlank(id, "feedback id"), "feedback id"));
        feedbackIds = feedbackIds.stream().distinct().toList();
        if (omittedFeedbackIds < 0) {
            throw new IllegalArgumentException("omittedFeedbackIds must not be negative");
        }
        if (feedbackIds.size() > MAX_FEEDBACK_IDS) {
            omittedFeedbackIds += feedbackIds.size() - MAX_FEEDBACK_IDS;
            feedbackIds = feedbackIds.subList(0, MAX_FEEDBACK_IDS);
        }
        Objects.requireNonNull(rawEvent, "rawEvent");
    }

    /** The change is Lark's, made by the operator the event names. */
    public Actor by() {
        return Actor.lark(operator);
    }
}
