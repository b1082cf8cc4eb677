package dev.larkinbox.domain.version;

import dev.larkinbox.domain.event.Bounds;
import dev.larkinbox.domain.event.UserRef;
import dev.larkinbox.domain.validation.Text;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * The review of a version approved or rejected it ({@code audit_v6}).
 *
 * @param verdict     {@link VersionEventKind#APPROVED} or {@link VersionEventKind#REJECTED}
 * @param remark      the reviewer's remark; null when none
 * @param auditSource who reviewed, as Lark names it (the tenant's administrator or the platform); null when not said
 * @param creator     who made the version
 * @param reviewedAt  when Lark created the event
 */
public record VersionReview(String appId, String versionId, VersionEventKind verdict, String remark,
                            String auditSource, UserRef operator, UserRef creator, Instant reviewedAt)
        implements VersionStep {
    private static final Set<VersionEventKind> VERDICTS = Set.of(VersionEventKind.APPROVED, VersionEventKind.REJECTED);

    public VersionReview {
        Bounds.requireId(Text.requireNonBlank(appId, "appId"), "appId");
        Bounds.requireId(Text.requireNonBlank(versionId, "versionId"), "versionId");
        if (!VERDICTS.contains(Objects.requireNonNull(verdict, "verdict"))) {
            throw new IllegalArgumentException("verdict must be approved or rejected");
        }
        Bounds.requireId(auditSource, "auditSource");
        operator = operator == null ? UserRef.NONE : operator;
        creator = creator == null ? UserRef.NONE : creator;
        Bounds.requireCalendar(Objects.requireNonNull(reviewedAt, "reviewedAt"), "reviewedAt");
    }

    @Override
    public String version() {
        return null;
    }

    @Override
    public VersionEventKind kind() {
        return verdict;
    }

    @Override
    public Instant at() {
        return reviewedAt;
    }

    /** The remark is free text a person wrote: it stays out of logs. */
    @Override
    public String toString() {
        return "VersionReview[appId=" + appId + ", versionId=" + versionId + ", verdict=" + verdict.label() + "]";
    }
}
