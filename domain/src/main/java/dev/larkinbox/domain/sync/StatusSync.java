package dev.larkinbox.domain.sync;

import dev.larkinbox.domain.validation.Text;
import dev.larkinbox.domain.workflow.LarkFeedbackStatus;
import java.time.Instant;
import java.util.Objects;

/**
 * A status to set on Lark's side, as the outbox keeps it until Lark took it.
 *
 * @param appId the app the feedback is about; null when the feedback did not say (the adapter's own app is meant)
 */
public record StatusSync(String feedbackId, String appId, LarkFeedbackStatus status, Instant requestedAt) {
    public StatusSync {
        Text.requireNonBlank(feedbackId, "feedbackId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(requestedAt, "requestedAt");
    }
}
