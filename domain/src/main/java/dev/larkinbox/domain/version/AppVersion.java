package dev.larkinbox.domain.version;

import dev.larkinbox.domain.validation.Text;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * A version of an app with what happened to it.
 *
 * @param version its name, such as {@code 1.0.3}; null while no event named it (a revocation gives only the id)
 * @param events  in the order they happened
 */
public record AppVersion(String appId, String versionId, String version, List<VersionEvent> events) {
    public AppVersion {
        Text.requireNonBlank(appId, "appId");
        Text.requireNonBlank(versionId, "versionId");
        events = Objects.requireNonNull(events, "events").stream()
                .sorted(Comparator.comparing(VersionEvent::at).thenComparing(VersionEvent::eventId)).toList();
    }
}
