package dev.larkinbox.domain.release;

import static dev.larkinbox.domain.testing.SampleEvents.T0;
import static dev.larkinbox.domain.testing.SampleEvents.applied;
import static dev.larkinbox.domain.testing.SampleEvents.revocation;
import static dev.larkinbox.domain.testing.SampleEvents.reviewed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.larkinbox.domain.inbox.FeedbackStatus;
import dev.larkinbox.domain.inbox.InboxSummary;
import dev.larkinbox.domain.revocation.RevocationService;
import dev.larkinbox.domain.testing.InMemoryStore;
import dev.larkinbox.domain.triage.Priority;
import dev.larkinbox.domain.version.VersionEventKind;
import dev.larkinbox.domain.version.VersionService;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReleaseServiceTest {
    private static final String APP = "cli_a";
    private final InMemoryStore store = new InMemoryStore();
    private final VersionService versions = new VersionService(store, store);
    private final List<String> asked = new ArrayList<>();
    private final ReleaseService releases = new ReleaseService(store, new ReleaseHistory() {
        @Override
        public List<ReleaseProblem> firstSeen(String appId, Instant from, Instant to, int limit) {
            asked.add("first seen " + from + " " + to);
            return List.of(new ReleaseProblem("pb-" + from.getEpochSecond(), "crash", 2, FeedbackStatus.NEW,
                    Priority.P1, from));
        }

        @Override
        public List<ReleaseProblem> regressed(String appId, Instant from, Instant to, int limit) {
            asked.add("regressed " + from + " " + to);
            return List.of();
        }

        @Override
        public List<InboxSummary.Day> perDay(String appId, LocalDate first, LocalDate last) {
            asked.add("days " + first + " " + last);
            return List.of(new InboxSummary.Day(first, Map.of(Priority.P1, 3L)));
        }
    });

    @Test
    void aVersionIsTheNewestFromItsApplicationUntilANewerOneAndAgainOnceThatIsRevoked() {
        versions.record(applied("ev-1", APP, "oav_1", "1.0", T0));
        versions.record(reviewed("ev-2", APP, "oav_1", VersionEventKind.APPROVED, "ok", at(1)));
        versions.record(applied("ev-3", APP, "oav_2", "2.0", at(5)));
        new RevocationService(store).record(revocation("ev-4", APP, "oav_2", at(7), at(7)));

        Release one = releases.release(new ReleaseQuery(APP, "oav_1", at(20))).orElseThrow();

        assertEquals(List.of(new Release.Period(T0, at(5)), new Release.Period(at(7), null)), one.newest());
        assertEquals(List.of("first seen " + T0 + " " + at(5), "first seen " + at(7) + " " + at(20),
                "regressed " + T0 + " " + at(5), "regressed " + at(7) + " " + at(20),
                "days " + LocalDate.parse("2024-04-24") + " " + LocalDate.parse("2024-05-21")), asked);
        assertEquals(2, one.firstSeen().size());
        Release two = releases.release(new ReleaseQuery(APP, "oav_2", at(20))).orElseThrow();
        assertEquals(List.of(new Release.Period(at(5), at(7))), two.newest());
    }

    @Test
    void aVersionRejectedBeforeItWasEverTheNewestBroughtNothingAndAnUnknownOneIsNone() {
        versions.record(reviewed("ev-1", APP, "oav_x", VersionEventKind.REJECTED, "no", T0));

        Release rejected = releases.release(new ReleaseQuery(APP, "oav_x", at(3))).orElseThrow();

        assertEquals(List.of(), rejected.newest());
        assertEquals(List.of(), rejected.firstSeen());
        assertEquals(List.of("days 2024-04-24 2024-05-04"), asked, "the days around its event, up to today");
        assertTrue(releases.release(new ReleaseQuery(APP, "oav_unknown", at(3))).isEmpty());
    }

    private static Instant at(int days) {
        return T0.plus(Duration.ofDays(days));
    }
}
