package dev.larkinbox.outbound.db.workflow;

import dev.larkinbox.domain.sync.PendingSync;
import dev.larkinbox.domain.sync.StatusSync;
import dev.larkinbox.domain.workflow.LarkFeedbackStatus;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/** A pending row of {@code status_outbox}, as a worker claims it. */
@MappedEntity("status_outbox")
public record OutboxRow(
        @Id long id,
        String feedbackId,
        @Nullable String appId,
        int larkStatus,
        Instant requestedAt,
        int attempts,
        int refusals) {

    public PendingSync toDomain() {
        LarkFeedbackStatus status = LarkFeedbackStatus.fromCode(larkStatus)
                .orElseThrow(() -> new IllegalStateException("outbox row " + id + " has status " + larkStatus));
        return new PendingSync(id, new StatusSync(feedbackId, appId, status, requestedAt), attempts, refusals);
    }
}
