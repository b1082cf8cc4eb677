package dev.larkinbox.domain.version;

import dev.larkinbox.domain.event.UserRef;
import java.time.Instant;

/** A step in a version's life that Lark tells in an event of its own: applied for, approved or rejected. */
public sealed interface VersionStep permits PublishApplication, VersionReview {
    String appId();

    String versionId();

    /** The version's name; null when the event does not give it. */
    String version();

    VersionEventKind kind();

    UserRef operator();

    /** The reviewer's remark; null for a step that has none. */
    String remark();

    /** When Lark created the event. */
    Instant at();
}
