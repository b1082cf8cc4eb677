package dev.larkinbox.domain.version;

import dev.larkinbox.domain.event.Delivery;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Keeps versions' applications and reviews, and reads them back with the revocations as versions. */
public final class VersionService implements RecordVersionStep, BrowseVersions, RecentVersions {
    private final VersionSteps steps;
    private final VersionTimeline timeline;

    public VersionService(VersionSteps steps, VersionTimeline timeline) {
        this.steps = Objects.requireNonNull(steps, "steps");
        this.timeline = Objects.requireNonNull(timeline, "timeline");
    }

    @Override
    public Delivery record(RecordVersionStepCommand command) {
        return steps.append(command);
    }

    @Override
    public List<AppVersion> versions(String appId) {
        return timeline.versions(appId);
    }

    @Override
    public List<AppVersion> since(Instant since) {
        return timeline.appsWithStepsSince(since).stream()
                .flatMap(app -> timeline.versions(app).stream())
                .filter(v -> v.events().stream().anyMatch(e -> e.kind() != VersionEventKind.REVOKED
                        && !e.at().isBefore(since)))
                .toList();
    }

    @Override
    public Optional<AppVersion> newestAt(String appId, Instant at) {
        return timeline.newestAt(appId, at);
    }
}
