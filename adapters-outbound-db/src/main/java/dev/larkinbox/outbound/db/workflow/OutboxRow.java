package dev.larkinbox.outbound.db.workflow;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/** A row of {@code status_outbox}, the entity its repository is declared over (claims read it as a domain entry). */
@MappedEntity("status_outbox")
public record OutboxRow(
        @Id long id,
        String feedbackId,
        @Nullable String appId,
        int larkStatus,
        Instant requestedAt,
        int attempts,
        int refusals) {
}
