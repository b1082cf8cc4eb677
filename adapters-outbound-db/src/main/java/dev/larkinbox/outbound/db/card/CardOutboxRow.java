package dev.larkinbox.outbound.db.card;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/** A row of {@code card_outbox}, the entity its repository is declared over. */
@MappedEntity("card_outbox")
public record CardOutboxRow(
        @Id long id,
        String feedbackId,
        String kind,
        Instant requestedAt,
        int attempts,
        int refusals,
        @Nullable String messageId) {
}
