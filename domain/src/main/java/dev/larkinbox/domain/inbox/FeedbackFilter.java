package dev.larkinbox.domain.inbox;

import dev.larkinbox.domain.feedback.FeedbackType;
import dev.larkinbox.domain.triage.Priority;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Which feedback to list. A null field, or an empty set, matches everything; a set matches any of its values.
 *
 * @param assignee who it is assigned to; {@link #NOBODY} for feedback assigned to nobody, null for anyone's
 * @param text     words the description contains, case-insensitively (Chinese included); null for any description
 */
public record FeedbackFilter(String appId, Set<FeedbackStatus> statuses, Set<Priority> priorities, FeedbackType type,
                             String assignee, String text) {
    public static final int MAX_TEXT_LENGTH = 200;
    /** As {@link dev.larkinbox.domain.workflow.WorkFeedbackCommand#UNASSIGN}: the empty name is nobody's. */
    public static final String NOBODY = "";
    public static final FeedbackFilter ALL = new FeedbackFilter(null, Set.of(), Set.of(), null, null, null);

    public FeedbackFilter {
        statuses = Set.copyOf(Objects.requireNonNull(statuses, "statuses"));
        priorities = Set.copyOf(Objects.requireNonNull(priorities, "priorities"));
        if (text != null && (text.isBlank() || text.length() > MAX_TEXT_LENGTH || !text.strip().equals(text))) {
            throw new IllegalArgumentException("search text must be at most " + MAX_TEXT_LENGTH
                    + " characters, not blank, without surrounding spaces");
        }
    }

    /** The reference meaning of the filter; a store may answer it in its own way, with the same result. */
    public boolean matches(TriagedFeedback item) {
        String description = item.feedback().description();
        return (appId == null || appId.equals(item.feedback().appId()))
                && (statuses.isEmpty() || statuses.contains(item.status()))
                && (priorities.isEmpty() || priorities.contains(item.triage().priority()))
                && (type == null || type.equals(item.feedback().type()))
                && (assignee == null || (assignee.equals(NOBODY) ? item.assignee() == null
                : assignee.equals(item.assignee())))
                && (text == null || description != null
                && description.toLowerCase(Locale.ROOT).contains(text.toLowerCase(Locale.ROOT)));
    }
}
