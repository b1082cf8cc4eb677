package dev.larkinbox.inbound.web.inbox;

import dev.larkinbox.domain.inbox.TriagedFeedback;
import io.micronaut.core.annotation.Nullable;
import java.time.Instant;

/**
 * One row of the inbox, as a person scans it.
 *
 * @param priority  {@code P1}..{@code P4}, {@code category} and {@code status} their labels: the page says them in
 *                  the reader's language
 * @param firstLine null when the feedback has no description
 * @param version   what the keyboard's changes are made on, and what tells the live inbox the row changed
 */
public record FeedbackSummary(String feedbackId, String priority, String category, String status, String assignee,
                              @Nullable String firstLine, String appId, Instant received, long version) {
    private static final int FIRST_LINE_LENGTH = 120;

    public static FeedbackSummary of(TriagedFeedback item) {
        return new FeedbackSummary(item.feedback().feedbackId(), item.triage().priority().name(),
                item.triage().category(), item.status().label(), item.assignee(),
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
