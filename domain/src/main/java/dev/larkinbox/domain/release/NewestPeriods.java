package dev.larkinbox.domain.release;

import dev.larkinbox.domain.version.AppVersion;
import dev.larkinbox.domain.version.VersionEvent;
import dev.larkinbox.domain.version.Versions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** When a version was its app's newest, as {@link Versions#newestAt} decides it at each moment. */
public final class NewestPeriods {
    private NewestPeriods() {
    }

    /**
     * The times the version was the newest, first first: which version is the newest changes only when one of the
     * app's versions has an event, so each event's moment is looked at once.
     *
     * @param versions all the app's versions
     */
    public static List<Release.Period> of(List<AppVersion> versions, String versionId) {
        List<Instant> moments = versions.stream().flatMap(v -> v.events().stream()).map(VersionEvent::at)
                .distinct().sorted().toList();
        List<Release.Period> periods = new ArrayList<>();
        Instant since = null;
        for (Instant moment : moments) {
            boolean newest = Versions.newestAt(versions, moment).filter(v -> v.versionId().equals(versionId))
                    .isPresent();
            if (newest && since == null) {
                since = moment;
            } else if (!newest && since != null) {
                periods.add(new Release.Period(since, moment));
                since = null;
            }
        }
        if (since != null) {
            periods.add(new Release.Period(since, null));
        }
        return periods;
    }
}
