package dev.larkinbox.app;

import dev.larkinbox.domain.release.ReleaseHistory;
import dev.larkinbox.domain.release.ReleaseService;
import dev.larkinbox.domain.version.VersionTimeline;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

/** What a version brought, read over the database adapter's versions and history. */
@Factory
class ReleaseWiring {

    @Singleton
    ReleaseService releases(VersionTimeline timeline, ReleaseHistory history) {
        return new ReleaseService(timeline, history);
    }
}
