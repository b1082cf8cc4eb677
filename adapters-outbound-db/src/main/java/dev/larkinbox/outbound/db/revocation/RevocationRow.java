package dev.larkinbox.outbound.db.revocation;

import static dev.larkinbox.outbound.db.postgres.PostgresText.storable;

import dev.larkinbox.domain.revocation.AppVersionRevocation;
import dev.larkinbox.domain.revocation.RecordRevocationCommand;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/** A row of {@code revocation}, as written. */
@MappedEntity("revocation")
public record RevocationRow(
        @Id String eventId,
        String appId,
        String versionId,
        @Nullable String operatorOpenId,
        @Nullable String operatorUnionId,
        @Nullable String operatorUserId,
        @Nullable String creatorOpenId,
        @Nullable String creatorUnionId,
        @Nullable String creatorUserId,
        @Nullable String tenantKey,
        Instant revokedAt,
        Instant receivedAt,
        String rawEvent) {

    public static RevocationRow of(RecordRevocationCommand command) {
        AppVersionRevocation r = command.revocation();
        return new RevocationRow(storable(command.meta().eventId()), storable(r.appId()), storable(r.versionId()),
                storable(r.operator().openId()), storable(r.operator().unionId()), storable(r.operator().userId()),
                storable(r.creator().openId()), storable(r.creator().unionId()), storable(r.creator().userId()),
                storable(command.meta().tenantKey()), r.revokedAt(), command.meta().receivedAt(),
                storable(command.rawEvent()));
    }

    /** Personal data (user ids, the raw event) stays out of logs. */
    @Override
    public String toString() {
        return "RevocationRow[eventId=" + eventId + ", appId=" + appId + ", versionId=" + versionId + "]";
    }
}
