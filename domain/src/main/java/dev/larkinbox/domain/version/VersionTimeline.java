package dev.larkinbox.domain.version;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Outgoing port: the versions of apps, as their events tell them. */
public interface VersionTimeline {

    /** The app's versions, the one first heard of last first. */
    List<AppVersion> versions(String appId);

    /**
     * The version that was the app's newest at that moment: of the versions applied for, approved or online by
     * then, the one whose latest such event came last.
     */
    Optional<AppVersion> newestAt(String appId, Instant at);
}
