package dev.larkinbox.domain.version;

import dev.larkinbox.domain.label.Labelled;

/** What happened to a version of an app, as Lark told it. */
public enum VersionEventKind implements Labelled {
    /** its publish was applied for ({@code publish_apply_v6}) */
    APPLIED,
    /** the review approved it ({@code audit_v6}) */
    APPROVED,
    /** the review rejected it ({@code audit_v6}) */
    REJECTED,
    /** its publish request was revoked ({@code publish_revoke_v6}) */
    REVOKED;

    public static VersionEventKind fromLabel(String label) {
        return Labelled.fromLabel(VersionEventKind.class, label, "version event kind");
    }
}
