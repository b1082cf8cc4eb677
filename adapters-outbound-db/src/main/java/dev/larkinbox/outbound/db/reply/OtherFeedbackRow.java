package dev.larkinbox.outbound.db.reply;

import io.micronaut.core.annotation.Introspected;
import java.time.Instant;

/** A feedback of the same reporter, as read back. */
@Introspected
public record OtherFeedbackRow(String feedbackId, Instant receivedAt, String status) {
}
