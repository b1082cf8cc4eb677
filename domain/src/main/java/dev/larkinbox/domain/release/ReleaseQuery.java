package dev.larkinbox.domain.release;

import dev.larkinbox.domain.validation.Text;
import java.time.Instant;
import java.util.Objects;

/** The app's version asked about, seen at {@code now} (a version still the newest is so until then). */
public record ReleaseQuery(String appId, String versionId, Instant now) {
    public ReleaseQuery {
        Text.requireNonBlank(appId, "appId");
        Text.requireNonBlank(versionId, "versionId");
        Objects.requireNonNull(now, "now");
    }
}
