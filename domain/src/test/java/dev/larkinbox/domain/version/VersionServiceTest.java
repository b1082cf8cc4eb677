package dev.larkinbox.domain.version;

import static dev.larkinbox.domain.testing.SampleEvents.T0;
import static dev.larkinbox.domain.testing.SampleEvents.applied;
import static dev.larkinbox.domain.testing.SampleEvents.revocation;
import static dev.larkinbox.domain.testing.SampleEvents.reviewed;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.larkinbox.domain.revocation.RevocationService;
import dev.larkinbox.domain.testing.InMemoryStore;
import java.util.List;
import org.junit.jupiter.api.Test;

class VersionServiceTest {
    private final InMemoryStore store = new InMemoryStore();
    private final VersionService versions = new VersionService(store, store);

    @Test
    void theRecentVersionsAreThoseOfEveryAppAppliedForOrReviewedSinceAndNotOnesOnlyRevokedSince() {
        versions.record(applied("ev-1", "cli_a", "oav_old", "0.9", T0));
        new RevocationService(store).record(revocation("ev-2", "cli_a", "oav_old", T0, T0.plusSeconds(100)));
        versions.record(applied("ev-3", "cli_a", "oav_new", "1.0", T0.plusSeconds(60)));
        versions.record(reviewed("ev-4", "cli_b", "oav_b", VersionEventKind.REJECTED, "no", T0.plusSeconds(70)));

        List<AppVersion> recent = versions.since(T0.plusSeconds(50));

        assertEquals(List.of("oav_new", "oav_b"), recent.stream().map(AppVersion::versionId).toList());
        assertEquals(List.of(), versions.since(T0.plusSeconds(71)));
    }
}
