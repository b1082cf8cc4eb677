package dev.larkinbox.inbound.web.inbox;

import dev.larkinbox.domain.inbox.TriagedFeedback;
import dev.larkinbox.inbound.web.Pages;

/**
 * One row of the inbox, as a person scans it.
 *
 * @param version what the keyboard's changes are made on, and what tells the live inbox the row changed
 */
public record FeedbackSummary(String feedbackId, String priority, String category, String status, String assignee,
                              String firstLine, String appId, String received, long version) {
    private static final int FIRST_LINE_LENGTH = 120;

    public static FeedbackSummary of(TriagedFeedback item) {
        return new FeedbackSummary(item.feedback().feedbackId(), item.triage().priority().name(),
                item.triage().category(), item.status().label(), item.assignee(),
                firstLine(item.feedback().description()), item.feedback().appId(),
                Pages.time(item.meta().receivedAt()), item.version());
    }

    private static String firstLine(String description) {
        if (description == null || description.isBlank()) {
            return "(no description)";
        }
        String line = description.strip().lines().findFirst().orElse("");
        return line.length() <= FIRST_LINE_LENGTH ? line : line.substring(0, FIRST_LINE_LENGTH) + "…";
    }
}
