package dev.larkinbox.outbound.db.version;

import static dev.larkinbox.outbound.db.postgres.PostgresText.storable;

import dev.larkinbox.domain.event.UserRef;
import dev.larkinbox.domain.version.PublishApplication;
import dev.larkinbox.domain.version.RecordVersionStepCommand;
import dev.larkinbox.domain.version.VersionReview;
import dev.larkinbox.domain.version.VersionState;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/** A row of {@code version_event}, as written: an application or a review, the other's columns null. */
@MappedEntity("version_event")
public record VersionEventRow(
        @Id String eventId,
        String appId,
        String versionId,
        String kind,
        @Nullable String version,
        @Nullable Integer versionStatus,
        @Nullable String onlineVersionId,
        @Nullable String onlineVersion,
        @Nullable Integer onlineVersionStatus,
        @Nullable String remark,
        @Nullable String auditSource,
        @Nullable String operatorOpenId,
        @Nullable String operatorUnionId,
        @Nullable String operatorUserId,
        @Nullable String creatorOpenId,
        @Nullable String creatorUnionId,
        @Nullable String creatorUserId,
        @Nullable String tenantKey,
        Instant happenedAt,
        Instant receivedAt,
        String rawEvent) {

    public static VersionEventRow of(RecordVersionStepCommand command) {
        var step = command.step();
        VersionState online = step instanceof PublishApplication a ? a.online() : null;
        Integer status = step instanceof PublishApplication a ? a.underAudit().status() : null;
        String auditSource = step instanceof VersionReview r ? r.auditSource() : null;
        UserRef creator = step instanceof VersionReview r ? r.creator() : UserRef.NONE;
        return new VersionEventRow(storable(command.meta().eventId()), storable(step.appId()),
                storable(step.versionId()), step.kind().label(), storable(step.version()), status,
                online == null ? null : storable(online.versionId()), online == null ? null : storable(online.version()),
                online == null ? null : online.status(), storable(step.remark()), storable(auditSource),
                storable(step.operator().openId()), storable(step.operator().unionId()),
                storable(step.operator().userId()), storable(creator.openId()), storable(creator.unionId()),
                storable(creator.userId()), storable(command.meta().tenantKey()), step.at(),
                command.meta().receivedAt(), storable(command.rawEvent()));
    }

    /** Personal data (user ids, the remark, the raw event) stays out of logs. */
    @Override
    public String toString() {
        return "VersionEventRow[eventId=" + eventId + ", appId=" + appId + ", versionId=" + versionId + ", kind="
                + kind + "]";
    }
}
