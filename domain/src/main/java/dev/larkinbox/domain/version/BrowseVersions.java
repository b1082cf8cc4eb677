package dev.larkinbox.domain.version;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Use case: read an app's versions and their events. */
public interface BrowseVersions {
    List<AppVersion> versions(String appId);

    Optional<AppVersion> newestAt(String appId, Instant at);
}
