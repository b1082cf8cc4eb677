package dev.larkinbox.domain.workflow;

import dev.larkinbox.domain.inbox.FeedbackFilter;
import dev.larkinbox.domain.inbox.FeedbackStatus;
import dev.larkinbox.domain.reason.Reason;
import dev.larkinbox.domain.triage.Priority;
import dev.larkinbox.domain.validation.InvalidCommandException;
import dev.larkinbox.domain.validation.Text;
import java.util.List;
import java.util.Objects;

/**
 * A change a person makes to many feedback: to the ones named, or to all a filter matches.
 *
 * @param feedbackIds the feedback ticked, at most {@value #MAX_IDS}; null when the filter selects
 * @param filter      all it matches; null when ids select
 * @param status      the status to move to; null leaves it
 * @param assignee    who works on them; null leaves it, {@link WorkFeedbackCommand#UNASSIGN} leaves nobody
 * @param priority    the priority over the triage's; null leaves it. Needs a note: the reason
 * @param note        why, in each feedback's history; null for none
 */
public record BulkChangeCommand(List<String> feedbackIds, FeedbackFilter filter, FeedbackStatus status,
                                String assignee, Priority priority, String note, Actor actor) {
    public static final int MAX_IDS = 1000;

    public BulkChangeCommand {
        if ((feedbackIds == null) == (filter == null)) {
            throw new InvalidCommandException(Reason.of("command.bulk.ids-or-filter"));
        }
        if (feedbackIds != null) {
            feedbackIds = List.copyOf(feedbackIds.stream().distinct().toList());
            if (feedbackIds.isEmpty() || feedbackIds.size() > MAX_IDS) {
                throw new InvalidCommandException(Reason.of("command.bulk.ids", MAX_IDS));
            }
            feedbackIds.forEach(id -> Text.requireNonBlank(id, "feedback id"));
        }
        if (status == null && assignee == null && priority == null) {
            throw new InvalidCommandException(Reason.of("command.bulk.needs-change"));
        }
        Objects.requireNonNull(actor, "actor");
        // the rules of each feedback's change (assignee, note, a priority's reason), checked before any is made
        new WorkFeedbackCommand("any", status, assignee, priority, note, null, actor);
    }

    /** The change of one selected feedback, made on whatever version it has. */
    public WorkFeedbackCommand of(String feedbackId) {
        return new WorkFeedbackCommand(feedbackId, status, assignee, priority, note, null, actor);
    }
}
