package dev.larkinbox.inbound.http.revocation;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.larkinbox.domain.revocation.AppVersionRevocation;
import dev.larkinbox.domain.revocation.RecordedRevocation;
import dev.larkinbox.domain.validation.Text;
import dev.larkinbox.inbound.http.api.ApiTime;
import dev.larkinbox.inbound.http.api.UserView;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import java.util.Objects;

/** A revoked publish request as {@code /api/revocations} shows it (architecture.md lists the fields). */
@Serdeable.Serializable(naming = SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record RevocationItem(
        String eventId,
        String appId,
        String versionId,
        UserView operator,
        UserView creator,
        @Nullable String tenantKey,
        String revokedAt,
        String receivedAt) {

    public RevocationItem {
        Text.requireNonBlank(eventId, "eventId");
        Text.requireNonBlank(appId, "appId");
        Text.requireNonBlank(versionId, "versionId");
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(creator, "creator");
        Text.requireNonBlank(revokedAt, "revokedAt");
        Text.requireNonBlank(receivedAt, "receivedAt");
    }

    static RevocationItem of(RecordedRevocation recorded) {
        AppVersionRevocation revocation = recorded.revocation();
        return new RevocationItem(
                recorded.meta().eventId(),
                revocation.appId(),
                revocation.versionId(),
                UserView.of(revocation.operator()),
                UserView.of(revocation.creator()),
                recorded.meta().tenantKey(),
                ApiTime.instant(revocation.revokedAt()),
                ApiTime.instant(recorded.meta().receivedAt()));
    }
}
