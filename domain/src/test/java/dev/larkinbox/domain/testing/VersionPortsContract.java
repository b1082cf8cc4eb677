package dev.larkinbox.domain.testing;

import static dev.larkinbox.domain.testing.SampleEvents.APP;
import static dev.larkinbox.domain.testing.SampleEvents.T0;
import static dev.larkinbox.domain.testing.SampleEvents.applied;
import static dev.larkinbox.domain.testing.SampleEvents.revocation;
import static dev.larkinbox.domain.testing.SampleEvents.reviewed;
import static dev.larkinbox.domain.testing.SampleEvents.unhandled;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.larkinbox.domain.event.Delivery;
import dev.larkinbox.domain.event.UserRef;
import dev.larkinbox.domain.ledger.LedgerEntry;
import dev.larkinbox.domain.ledger.LedgerOutcome;
import dev.larkinbox.domain.revocation.RecordRevocationCommand;
import dev.larkinbox.domain.version.AppVersion;
import dev.larkinbox.domain.version.RecordVersionStepCommand;
import dev.larkinbox.domain.version.VersionEvent;
import dev.larkinbox.domain.version.VersionEventKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every implementation of {@code VersionSteps} and {@code VersionTimeline} must do, beside the
 * {@code RevocationHistory} and {@code EventLedger} of the same store. A subclass supplies a fresh, empty store for
 * each test.
 */
public abstract class VersionPortsContract {
    private static final String V1 = "oav_1";
    private static final String V2 = "oav_2";

    protected VersionPorts store;

    /** Ports over an empty store, sharing one ledger. Called before each test. */
    protected abstract VersionPorts emptyStore();

    @BeforeEach
    void startEmpty() {
        store = emptyStore();
    }

    @Test
    void aVersionsApplicationApprovalAndRevocationComeBackAsItsEventsInOrder() {
        RecordVersionStepCommand apply = applied("ev-apply", APP, V1, "1.2.0", T0);
        RecordVersionStepCommand approve = reviewed("ev-approve", APP, V1, VersionEventKind.APPROVED, "looks good",
                T0.plusSeconds(60));
        RecordRevocationCommand revoke = revocation("ev-revoke", APP, V1, T0.plusSeconds(200), T0.plusSeconds(120));
        // stored out of order: the events' own times decide
        assertEquals(Delivery.NEW, store.revocations().append(revoke));
        assertEquals(Delivery.NEW, store.steps().append(approve));
        assertEquals(Delivery.NEW, store.steps().append(apply));

        assertEquals(List.of(new AppVersion(APP, V1, "1.2.0", List.of(
                new VersionEvent("ev-apply", VersionEventKind.APPLIED, T0,
                        new UserRef("ou_applicant", "on_applicant", null), null),
                new VersionEvent("ev-approve", VersionEventKind.APPROVED, T0.plusSeconds(60),
                        new UserRef("ou_reviewer", null, "u_reviewer"), "looks good"),
                new VersionEvent("ev-revoke", VersionEventKind.REVOKED, T0.plusSeconds(120),
                        new UserRef("ou_operator", null, null), null)))),
                store.timeline().versions(APP));
        assertEquals(Optional.of(new LedgerEntry(apply.meta(), LedgerOutcome.STORED)), store.ledger().entry("ev-apply"));
        assertEquals(Optional.of(new LedgerEntry(approve.meta(), LedgerOutcome.STORED)),
                store.ledger().entry("ev-approve"));
    }

    @Test
    void theVersionFirstHeardOfLastComesFirstAndOtherAppsVersionsAreNotShown() {
        store.steps().append(applied("ev-1", APP, V1, "1.0.1", T0));
        store.steps().append(reviewed("ev-2", APP, V2, VersionEventKind.REJECTED, null, T0.plusSeconds(10)));
        store.steps().append(applied("ev-3", "cli_other", "oav_other", "9.9.9", T0.plusSeconds(20)));
        store.revocations().append(revocation("ev-4", "cli_other", V1, T0, T0.plusSeconds(30)));

        List<AppVersion> versions = store.timeline().versions(APP);

        assertEquals(List.of(V2, V1), versions.stream().map(AppVersion::versionId).toList());
        assertNull(versions.get(0).version(), "a review does not name the version");
        assertEquals(List.of(VersionEventKind.APPLIED),
                versions.get(1).events().stream().map(VersionEvent::kind).toList());
        assertEquals(List.of(), store.timeline().versions("cli_none"));
    }

    @Test
    void aVersionOnlyRevokedIsKnownByItsIdAlone() {
        store.revocations().append(revocation("ev-r", APP, V1, T0, T0));

        AppVersion version = store.timeline().versions(APP).get(0);

        assertEquals(V1, version.versionId());
        assertNull(version.version());
        assertEquals(VersionEventKind.REVOKED, version.events().get(0).kind());
    }

    @Test
    void aVersionStepDeliveredTwiceIsStoredOnce() {
        RecordVersionStepCommand apply = applied("ev-1", APP, V1, "1.0.1", T0);

        assertEquals(Delivery.NEW, store.steps().append(apply));
        assertEquals(Delivery.DUPLICATE, store.steps().append(apply));
        assertEquals(Delivery.DUPLICATE, store.steps().append(applied("ev-1", APP, V2, "2.0.0", T0)));

        assertEquals(1, store.timeline().versions(APP).size());
        assertEquals(1, store.timeline().versions(APP).get(0).events().size());
    }

    @Test
    void anEventIdAlreadyStoredAsAnotherEventStoresNoVersionStep() {
        store.revocations().append(revocation("ev-1", APP, V1, T0, T0));
        store.ledger().recordUnhandled(unhandled("ev-2", LedgerOutcome.IGNORED, T0));

        assertEquals(Delivery.DUPLICATE, store.steps().append(applied("ev-1", APP, V2, "2.0.0", T0)));
        assertEquals(Delivery.DUPLICATE, store.steps().append(reviewed("ev-2", APP, V2, VersionEventKind.APPROVED,
                null, T0)));

        assertEquals(List.of(V1), store.timeline().versions(APP).stream().map(AppVersion::versionId).toList());
        assertEquals(LedgerOutcome.IGNORED, store.ledger().entry("ev-2").orElseThrow().outcome());
    }

    @Test
    void theVersionsNameIsTheOneItsLatestApplicationGave() {
        store.steps().append(applied("ev-1", APP, V1, "1.0.0-rc", T0));
        store.steps().append(reviewed("ev-2", APP, V1, VersionEventKind.REJECTED, "crashes", T0.plusSeconds(10)));
        store.steps().append(applied("ev-3", APP, V1, "1.0.0", T0.plusSeconds(20)));

        assertEquals("1.0.0", store.timeline().versions(APP).get(0).version());
    }

    @Test
    void theNewestVersionAtAMomentLeavesOutOneRejectedOrRevokedByThen() {
        store.steps().append(applied("ev-1", APP, V1, "1.0.0", T0));
        store.steps().append(reviewed("ev-2", APP, V1, VersionEventKind.APPROVED, null, T0.plusSeconds(10)));
        store.steps().append(applied("ev-3", APP, V2, "1.1.0", T0.plusSeconds(20)));
        store.revocations().append(revocation("ev-4", APP, V2, T0.plusSeconds(40), T0.plusSeconds(30)));

        assertEquals(Optional.empty(), store.timeline().newestAt(APP, T0.minusSeconds(1)));
        assertEquals(Optional.of(V1), store.timeline().newestAt(APP, T0.plusSeconds(15)).map(AppVersion::versionId));
        assertEquals(Optional.of(V2), store.timeline().newestAt(APP, T0.plusSeconds(25)).map(AppVersion::versionId));
        assertEquals(Optional.of(V1), store.timeline().newestAt(APP, T0.plusSeconds(35)).map(AppVersion::versionId));
    }

    @Test
    void theAppsWithAStepSinceAMomentAreEachNamedOnceAndARevocationAloneNamesNone() {
        store.steps().append(applied("ev-1", APP, V1, "1.0.0", T0));
        store.steps().append(reviewed("ev-2", APP, V1, VersionEventKind.APPROVED, null, T0.plusSeconds(10)));
        store.steps().append(applied("ev-3", "cli_other", V2, "2.0.0", T0.plusSeconds(20)));
        store.revocations().append(revocation("ev-4", "cli_revoked", V1, T0, T0.plusSeconds(30)));

        assertEquals(Set.of(APP, "cli_other"), Set.copyOf(store.timeline().appsWithStepsSince(T0)));
        assertEquals(2, store.timeline().appsWithStepsSince(T0).size());
        assertEquals(List.of("cli_other"), store.timeline().appsWithStepsSince(T0.plusSeconds(11)));
        assertEquals(List.of(), store.timeline().appsWithStepsSince(T0.plusSeconds(21)));
    }

    @Test
    void eightDeliveriesRacingOverTheSameVersionEventsStoreEachOnce() throws Exception {
        List<Callable<Delivery>> events = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            Instant at = T0.plusMillis(i);
            String eventId = "ev-" + i;
            RecordVersionStepCommand step = i % 2 == 0 ? applied(eventId, APP, "oav_" + i / 2, "1." + i, at)
                    : reviewed(eventId, APP, "oav_" + i / 2, VersionEventKind.APPROVED, null, at);
            events.add(() -> store.steps().append(step));
        }
        List<Long> newCounts = StorePortsContract.race(8, thread -> {
            List<Integer> order = new ArrayList<>(IntStream.range(0, events.size()).boxed().toList());
            Collections.shuffle(order, new Random(thread));
            long stored = 0;
            for (int i : order) {
                stored += events.get(i).call() == Delivery.NEW ? 1 : 0;
            }
            return stored;
        });

        assertEquals(60, newCounts.stream().mapToLong(Long::longValue).sum(), "each event NEW exactly once");
        List<AppVersion> versions = store.timeline().versions(APP);
        assertEquals(30, versions.size());
        assertTrue(versions.stream().allMatch(v -> v.events().stream().map(VersionEvent::kind).toList()
                .equals(List.of(VersionEventKind.APPLIED, VersionEventKind.APPROVED))), versions.toString());
    }
}
