package dev.larkinbox.domain.revocation;

import dev.larkinbox.domain.event.Bounds;
import dev.larkinbox.domain.event.UserRef;
import dev.larkinbox.domain.validation.Text;
import java.time.Instant;
import java.util.Objects;

/**
 * A publish request for a version of an app was revoked.
 *
 * @param appId     the app whose version it was (not necessarily the app receiving the event)
 * @param revokedAt when Lark created the event
 */
public record AppVersionRevocation(String appId, String versionId, UserRef operator, UserRef creator, Instant revokedAt) {
    public AppVersionRevocation {
        Bounds.requireId(Text.requireNonBlank(appId, "appId"), "appId");
        Bounds.requireId(Text.requireNonBlank(versionId, "versionId"), "versionId");
        operator = operator == null ? UserRef.NONE : operator;
        creator = creator == null ? UserRef.NONE : creator;
        Bounds.requireCalendar(Objects.requireNonNull(revokedAt, "revokedAt"), "revokedAt");
    }
}
