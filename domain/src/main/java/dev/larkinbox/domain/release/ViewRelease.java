package dev.larkinbox.domain.release;

import java.util.Optional;

/** Use case: what an app's version brought; empty when the app has no such version. */
public interface ViewRelease {
    Optional<Release> release(ReleaseQuery query);
}
