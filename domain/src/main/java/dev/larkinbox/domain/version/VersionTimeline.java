package dev.larkinbox.domain.version;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Outgoing port: the versions of apps, as their events tell them (revocations included). */
public interface VersionTimeline {

    /** The app's versions, the one first heard of last first. */
    List<AppVersion> versions(String appId);

    /** The apps of which a version was applied for or reviewed at or after that moment, by Lark's time. */
    List<String> appsWithStepsSince(Instant since);

    /**
     * The version that was the app's newest at that moment, as {@link Versions#newestAt} decides: of the versions
     * whose latest event by then was an application or an approval, the one whose latest such event came last;
     * a version rejected or revoked by then is not it.
     */
    default Optional<AppVersion> newestAt(String appId, Instant at) {
        return Versions.newestAt(versions(appId), at);
    }
}
