package dev.larkinbox.domain.version;

import dev.larkinbox.domain.event.Bounds;
import dev.larkinbox.domain.event.UserRef;
import dev.larkinbox.domain.validation.Text;
import java.time.Instant;
import java.util.Objects;

/**
 * The publish of a version was applied for ({@code publish_apply_v6}).
 *
 * @param underAudit the version applied for
 * @param online     the version online when it was applied for; null when none is
 * @param appliedAt  when Lark created the event
 */
public record PublishApplication(String appId, VersionState underAudit, VersionState online, UserRef operator,
                                 Instant appliedAt) implements VersionStep {
    public PublishApplication {
        Bounds.requireId(Text.requireNonBlank(appId, "appId"), "appId");
        Objects.requireNonNull(underAudit, "underAudit");
        operator = operator == null ? UserRef.NONE : operator;
        Bounds.requireCalendar(Objects.requireNonNull(appliedAt, "appliedAt"), "appliedAt");
    }

    @Override
    public String versionId() {
        return underAudit.versionId();
    }

    @Override
    public String version() {
        return underAudit.version();
    }

    @Override
    public VersionEventKind kind() {
        return VersionEventKind.APPLIED;
    }

    @Override
    public String remark() {
        return null;
    }

    @Override
    public Instant at() {
        return appliedAt;
    }
}
