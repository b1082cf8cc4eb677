package dev.larkinbox.outbound.db.reply;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/** A row of {@code reporter_outbox} with its history entry's author, as the record of what a reporter was told. */
@MappedEntity("reporter_outbox")
public record ReporterOutboxRow(
        @Id long id,
        String feedbackId,
        long version,
        String kind,
        String text,
        Instant requestedAt,
        @Nullable Instant deliveredAt,
        @Nullable Instant abandonedAt,
        @Nullable String lastError,
        String actorName,
        String actorKind) {

    /** The text is personal data: it stays out of logs. */
    @Override
    public String toString() {
        return "ReporterOutboxRow[id=" + id + ", feedbackId=" + feedbackId + ", version=" + version + "]";
    }
}
