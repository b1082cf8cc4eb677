package dev.larkinbox.outbound.db.revocation;

import dev.larkinbox.domain.event.EventMeta;
import dev.larkinbox.domain.event.UserRef;
import dev.larkinbox.domain.revocation.AppVersionRevocation;
import dev.larkinbox.domain.revocation.RecordedRevocation;
import dev.larkinbox.outbound.db.ledger.LedgerRow;
import dev.larkinbox.outbound.db.postgres.Keyset;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import java.time.Instant;

/** A revocation as read back, with the envelope of its event from the ledger. */
@Introspected
public record RevocationView(
        String eventId,
        String eventType,
        @Nullable String eventAppId,
        @Nullable String tenantKey,
        String transport,
        @Nullable Instant createdAt,
        Instant receivedAt,
        String appId,
        String versionId,
        @Nullable String operatorOpenId,
        @Nullable String operatorUnionId,
        @Nullable String operatorUserId,
        @Nullable String creatorOpenId,
        @Nullable String creatorUnionId,
        @Nullable String creatorUserId,
        Instant revokedAt) {

    public RecordedRevocation toDomain() {
        EventMeta meta = LedgerRow.meta(eventId, eventType, eventAppId, tenantKey, transport, createdAt, receivedAt);
        return new RecordedRevocation(meta, new AppVersionRevocation(appId, versionId,
                new UserRef(operatorOpenId, operatorUnionId, operatorUserId),
                new UserRef(creatorOpenId, creatorUnionId, creatorUserId), revokedAt));
    }

    public Keyset position() {
        return new Keyset(receivedAt, eventId);
    }

    /** User ids (personal data) stay out of logs. */
    @Override
    public String toString() {
        return "RevocationView[eventId=" + eventId + ", appId=" + appId + ", versionId=" + versionId + "]";
    }
}
