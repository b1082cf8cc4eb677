package dev.larkinbox.inbound.web.support;

import dev.larkinbox.domain.release.Release;
import dev.larkinbox.domain.release.ReleaseQuery;
import dev.larkinbox.domain.release.ViewRelease;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** The releases a page test shows, as it sets them, and the questions the page asked. */
@Singleton
public class StubReleases implements ViewRelease {
    private final Map<String, Release> releases = new ConcurrentHashMap<>();
    private final List<ReleaseQuery> asked = new CopyOnWriteArrayList<>();

    public void show(Release release) {
        releases.put(release.version().appId() + "/" + release.version().versionId(), release);
    }

    public List<ReleaseQuery> asked() {
        return List.copyOf(asked);
    }

    @Override
    public Optional<Release> release(ReleaseQuery query) {
        asked.add(query);
        return Optional.ofNullable(releases.get(query.appId() + "/" + query.versionId()));
    }
}
