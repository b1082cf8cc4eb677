package dev.larkinbox.outbound.db.version;

import dev.larkinbox.domain.event.UserRef;
import dev.larkinbox.domain.version.VersionEvent;
import dev.larkinbox.domain.version.VersionEventKind;
import dev.larkinbox.domain.version.VersionMention;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import java.time.Instant;

/** One event of a version as read back: a row of {@code version_event}, or a revocation. */
@Introspected
public record VersionMentionView(
        String eventId,
        String versionId,
        @Nullable String version,
        String kind,
        Instant happenedAt,
        @Nullable String operatorOpenId,
        @Nullable String operatorUnionId,
        @Nullable String operatorUserId,
        @Nullable String remark) {

    public VersionMention toDomain() {
        return new VersionMention(versionId, version, new VersionEvent(eventId, VersionEventKind.fromLabel(kind),
                happenedAt, new UserRef(operatorOpenId, operatorUnionId, operatorUserId), remark));
    }

    /** User ids and the remark stay out of logs. */
    @Override
    public String toString() {
        return "VersionMentionView[eventId=" + eventId + ", versionId=" + versionId + ", kind=" + kind + "]";
    }
}
