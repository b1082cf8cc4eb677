package dev.larkinbox.inbound.web.inbox;

import dev.larkinbox.domain.inbox.TriagedFeedback;
import dev.larkinbox.domain.person.People;
import io.micronaut.core.annotation.Nullable;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One row of the inbox, as a person scans it.
 *
 * @param priority  {@code P1}..{@code P4}, {@code category} and {@code status} their labels: the page says them in
 *                  the reader's language
 * @param firstLine null when the feedback has no description
 * @param assignee  as the feedback names them (an open_id for a person of the inbox), what the keyboard compares
 * @param assigneeName the name of the person that is, when they signed in; else the assignee as it is
 * @param version   what the keyboard's changes are made on, and what tells the live inbox the row changed
 */
public record FeedbackSummary(String feedbackId, String priority, String category, String status, String assignee,
                              String assigneeName, @Nullable String firstLine, String appId, Instant received,
                              long version) {
    private static final int FIRST_LINE_LENGTH = 120;

    /** The rows, each assignee by name. */
    public static List<FeedbackSummary> of(List<TriagedFeedback> items, People people) {
        Map<String, String> names = people.names(items.stream().map(TriagedFeedback::assignee)
                .filter(Objects::nonNull).toList());
        return items.stream().map(item -> of(item, names)).toList();
    }

    private static FeedbackSummary of(TriagedFeedback item, Map<String, String> names) {
        String assignee = item.assignee();
        return new FeedbackSummary(item.feedback().feedbackId(), item.triage().priority().name(),
                item.triage().category(), item.status().label(), assignee,
                assignee == null ? null : names.getOrDefault(assignee, assignee),
                firstLine(item.feedback().description()), item.feedback().appId(), item.meta().receivedAt(),
                item.version());
    }

    private static @Nullable String firstLine(String description) {
        if (description == null || description.isBlank()) {
            return null;
        }
        String line = description.strip().lines().findFirst().orElse("");
        return line.length() <= FIRST_LINE_LENGTH ? line : line.substring(0, FIRST_LINE_LENGTH) + "…";
    }
}
