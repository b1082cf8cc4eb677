package dev.larkinbox.domain.workflow;

import dev.larkinbox.domain.event.EventMeta;
import dev.larkinbox.domain.event.Text;
import java.util.List;
import java.util.Objects;

/**
 * Lark says a status was set in its console for these feedback ({@code feedback.updated_v6}).
 *
 * @param larkStatus Lark's number (0 unmarked, 1 marked, 2 processing, 3 closed, or one added later)
 * @param rawEvent   the event JSON as received, kept in the ledger
 */
public record ApplyLarkStatusCommand(EventMeta meta, List<String> feedbackIds, int larkStatus, String rawEvent) {
    public ApplyLarkStatusCommand {
        Objects.requireNonNull(meta, "meta");
        feedbackIds = List.copyOf(Objects.requireNonNull(feedbackIds, "feedbackIds"));
        if (feedbackIds.isEmpty()) {
            throw new IllegalArgumentException("a status update names at least one feedback id");
        }
        feedbackIds.forEach(id -> Text.requireNonBlank(id, "feedback id"));
        feedbackIds = feedbackIds.stream().distinct().toList();
        Objects.requireNonNull(rawEvent, "rawEvent");
    }
}
