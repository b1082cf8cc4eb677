package dev.larkinbox.domain.version;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.larkinbox.domain.event.UserRef;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class VersionsTest {
    private static final Instant T0 = Instant.parse("2024-05-01T08:00:00Z");
    private static final String APP = "cli_a";

    @Test
    void aVersionRejectedAndAppliedForAgainIsTheNewestOnceMore() {
        List<AppVersion> versions = Versions.of(APP, List.of(
                mention("v1", "1.0", "e1", VersionEventKind.APPROVED, 0),
                mention("v2", "1.1", "e2", VersionEventKind.APPLIED, 10),
                mention("v2", null, "e3", VersionEventKind.REJECTED, 20),
                mention("v2", "1.1", "e4", VersionEventKind.APPLIED, 30)));

        assertEquals(Optional.of("v2"), newest(versions, 15));
        assertEquals(Optional.of("v1"), newest(versions, 25));
        assertEquals(Optional.of("v2"), newest(versions, 30));
    }

    @Test
    void aVersionRevokedLaterWasStillTheNewestBeforeItsRevocation() {
        List<AppVersion> versions = Versions.of(APP, List.of(
                mention("v1", "1.0", "e1", VersionEventKind.APPLIED, 0),
                mention("v1", null, "e2", VersionEventKind.REVOKED, 100)));

        assertEquals(Optional.of("v1"), newest(versions, 99));
        assertEquals(Optional.empty(), newest(versions, 100));
    }

    @Test
    void anApprovalOfAnOlderVersionAfterANewerApplicationMakesTheOlderOneTheNewest() {
        List<AppVersion> versions = Versions.of(APP, List.of(
                mention("v1", "1.0", "e1", VersionEventKind.APPLIED, 0),
                mention("v2", "1.1", "e2", VersionEventKind.APPLIED, 10),
                mention("v1", null, "e3", VersionEventKind.APPROVED, 20)));

        assertEquals(Optional.of("v1"), newest(versions, 20));
    }

    @Test
    void versionsComeTheOneFirstHeardOfLastFirstEachWithItsEventsInOrder() {
        List<AppVersion> versions = Versions.of(APP, List.of(
                mention("v1", null, "e3", VersionEventKind.APPROVED, 20),
                mention("v2", "1.1", "e2", VersionEventKind.APPLIED, 10),
                mention("v1", "1.0", "e1", VersionEventKind.APPLIED, 0)));

        assertEquals(List.of("v2", "v1"), versions.stream().map(AppVersion::versionId).toList());
        assertEquals(List.of("e1", "e3"), versions.get(1).events().stream().map(VersionEvent::eventId).toList());
        assertEquals("1.0", versions.get(1).version());
    }

    @Test
    void aReviewIsAnApprovalOrARejectionAndNothingElse() {
        assertThrows(IllegalArgumentException.class, () -> new VersionReview(APP, "v1", VersionEventKind.APPLIED,
                null, null, null, null, T0));
        assertThrows(IllegalArgumentException.class, () -> new VersionReview(APP, " ", VersionEventKind.APPROVED,
                null, null, null, null, T0));
        assertEquals(UserRef.NONE, new VersionReview(APP, "v1", VersionEventKind.REJECTED, "no", null, null, null, T0)
                .operator());
    }

    @Test
    void anApplicationNeedsTheVersionAppliedFor() {
        assertThrows(NullPointerException.class, () -> new PublishApplication(APP, null, null, null, T0));
        assertThrows(IllegalArgumentException.class, () -> new VersionState("", "1.0", 3));
        var application = new PublishApplication(APP, new VersionState("v2", "1.1", 3), null, null, T0);
        assertEquals(VersionEventKind.APPLIED, application.kind());
        assertEquals("1.1", application.version());
    }

    private static VersionMention mention(String versionId, String name, String eventId, VersionEventKind kind,
                                          int second) {
        return new VersionMention(versionId, name, new VersionEvent(eventId, kind, T0.plusSeconds(second),
                UserRef.NONE, null));
    }

    private static Optional<String> newest(List<AppVersion> versions, int second) {
        return Versions.newestAt(versions, T0.plusSeconds(second)).map(AppVersion::versionId);
    }
}
