package dev.larkinbox.domain.card;

import static dev.larkinbox.domain.testing.SampleEvents.FEEDBACK_CREATED;
import static dev.larkinbox.domain.testing.SampleEvents.T0;
import static dev.larkinbox.domain.testing.SampleEvents.meta;
import static dev.larkinbox.domain.testing.SampleEvents.triaged;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.larkinbox.domain.event.UserRef;
import dev.larkinbox.domain.feedback.FaultKind;
import dev.larkinbox.domain.feedback.Feedback;
import dev.larkinbox.domain.feedback.FeedbackType;
import dev.larkinbox.domain.inbox.FeedbackStatus;
import dev.larkinbox.domain.inbox.TriagedFeedback;
import dev.larkinbox.domain.triage.Priority;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DailyDigestTest {
    private static final LocalDate DAY = LocalDate.of(2024, 5, 10);
    private static final Instant NOW = T0.plus(Duration.ofDays(9));

    @Test
    void theDigestListsTheFiveOldestOpenFeedbackOldestFirstWithAgeAndLinkButNeitherContactNorUserId() {
        List<TriagedFeedback> open = new ArrayList<>();
        for (int i = 6; i >= 0; i--) {
            open.add(crash("fb-" + i, T0.plus(Duration.ofDays(i)), FeedbackStatus.NEW));
        }

        DailyDigest digest = DailyDigest.of(DAY, NOW, Map.of(Priority.P1, 7L), open, 3, 2,
                URI.create("https://inbox.example.com/"));

        assertEquals(DailyDigest.OLDEST, digest.oldest().size());
        assertEquals(Duration.ofDays(9), digest.oldest().get(0).age());
        assertEquals(Duration.ofDays(5), digest.oldest().get(4).age());
        assertEquals(URI.create("https://inbox.example.com/feedback/fb-0"), digest.oldest().get(0).link());
        assertEquals(Priority.P1, digest.oldest().get(0).priority());
        assertEquals("stability", digest.oldest().get(0).category());
        assertEquals(7L, digest.openByPriority().get(Priority.P1));
        assertEquals(0L, digest.openByPriority().get(Priority.P3), "every priority is shown, zero included");
        assertEquals(7L, digest.openTotal());
        assertEquals(3, digest.arrived());
        assertEquals(2, digest.resolved());
        String shown = digest.toString();
        for (String secret : List.of("wang@example.com", "ou_secret", "on_secret", "u_secret", "it closes")) {
            assertFalse(shown.contains(secret), secret);
        }
    }

    @Test
    void withoutAPublicUrlTheDigestHasNoLinksAndAFeedbackStampedAheadOfTheClockIsNotOfNegativeAge() {
        DailyDigest digest = DailyDigest.of(DAY, T0, Map.of(),
                List.of(crash("fb-ahead", T0.plusSeconds(5), FeedbackStatus.IN_PROGRESS)), 0, 0, null);

        assertNull(digest.oldest().get(0).link());
        assertEquals(Duration.ZERO, digest.oldest().get(0).age());
        assertEquals(0L, digest.openTotal());
    }

    @Test
    void resolvedFeedbackIsNotListedAmongTheOpenOnes() {
        assertThrows(IllegalArgumentException.class, () -> DailyDigest.of(DAY, NOW, Map.of(),
                List.of(crash("fb-done", T0, FeedbackStatus.RESOLVED)), 0, 1, null));
    }

    private static TriagedFeedback crash(String id, Instant receivedAt, FeedbackStatus status) {
        var feedback = new Feedback(id, "cli_a", "tenant", new UserRef("ou_secret", "on_secret", "u_secret"),
                FeedbackType.FAULT, List.of(FaultKind.CRASH), null, null, null, "it closes", "wang@example.com",
                List.of(), null);
        return triaged(meta("ev-" + id, FEEDBACK_CREATED, receivedAt), feedback, status);
    }
}
