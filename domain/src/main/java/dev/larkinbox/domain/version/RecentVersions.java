package dev.larkinbox.domain.version;

import java.time.Instant;
import java.util.List;

/** Use case: the versions of every app applied for or reviewed since a moment, for a timeline across apps. */
public interface RecentVersions {

    /** Each such version with all its events, of every app that has one. */
    List<AppVersion> since(Instant since);
}
