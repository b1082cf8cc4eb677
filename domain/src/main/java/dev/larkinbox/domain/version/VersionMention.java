package dev.larkinbox.domain.version;

import dev.larkinbox.domain.revocation.AppVersionRevocation;
import dev.larkinbox.domain.validation.Text;
import java.util.Objects;

/**
 * One event as it concerns a version: the version's id, its name when the event gives it, and what happened.
 * What a store reads back, one per stored event, for {@link Versions#of} to make versions of.
 *
 * @param version null when the event does not name the version
 */
public record VersionMention(String versionId, String version, VersionEvent event) {
    public VersionMention {
        Text.requireNonBlank(versionId, "versionId");
        Objects.requireNonNull(event, "event");
    }

    public static VersionMention of(String eventId, VersionStep step) {
        return new VersionMention(step.versionId(), step.version(),
                new VersionEvent(eventId, step.kind(), step.at(), step.operator(), step.remark()));
    }

    /** A revocation names only the version's id. */
    public static VersionMention of(String eventId, AppVersionRevocation revocation) {
        return new VersionMention(revocation.versionId(), null, new VersionEvent(eventId, VersionEventKind.REVOKED,
                revocation.revokedAt(), revocation.operator(), null));
    }
}
