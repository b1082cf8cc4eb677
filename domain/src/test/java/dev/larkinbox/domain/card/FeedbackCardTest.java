package dev.larkinbox.domain.card;

import static dev.larkinbox.domain.testing.SampleEvents.FEEDBACK_CREATED;
import static dev.larkinbox.domain.testing.SampleEvents.T0;
import static dev.larkinbox.domain.testing.SampleEvents.meta;
import static dev.larkinbox.domain.testing.SampleEvents.triaged;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.larkinbox.domain.event.UserRef;
import dev.larkinbox.domain.feedback.FaultKind;
import dev.larkinbox.domain.feedback.Feedback;
import dev.larkinbox.domain.feedback.FeedbackType;
import dev.larkinbox.domain.inbox.FeedbackStatus;
import dev.larkinbox.domain.triage.Priority;
import dev.larkinbox.domain.testing.InMemoryPeople;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeedbackCardTest {

    @Test
    void aCardShowsTheTriageTheFirstLinesAndALinkButNeitherTheContactNorAUserId() {
        var feedback = new Feedback("fb 1", "cli_a", "tenant", new UserRef("ou_secret", "on_secret", "u_secret"),
                FeedbackType.FAULT, List.of(FaultKind.CRASH, FaultKind.ofCode(42)), null, null, null,
                "it closes\n\n  when I scroll  \nthird\nfourth", "wang@example.com", List.of(), null);
        FeedbackCard card = FeedbackCard.of(triaged(meta("ev-1", FEEDBACK_CREATED, T0), feedback, FeedbackStatus.NEW),
                URI.create("https://inbox.example.com/"), new InMemoryPeople());

        assertEquals(Priority.P1, card.priority());
        assertEquals("stability", card.category());
        assertEquals("cli_a", card.appId());
        assertEquals(List.of("crash", "unknown (42)"), card.faultKinds());
        assertEquals(List.of("it closes", "when I scroll", "third"), card.description());
        assertEquals(T0, card.receivedAt());
        assertEquals(URI.create("https://inbox.example.com/feedback/fb%201"), card.link());
        assertEquals(List.of(CardAction.ACKNOWLEDGE, CardAction.ASSIGN_TO_ME, CardAction.RESOLVE), card.actions());
        assertFalse(card.assigned());
        assertNull(card.assignee());
        String shown = String.join("|", card.feedbackId(), card.category(), card.appId(),
                String.valueOf(card.faultKinds()), String.valueOf(card.description()), String.valueOf(card.link()));
        for (String secret : List.of("wang@example.com", "ou_secret", "on_secret", "u_secret")) {
            assertFalse(shown.contains(secret), secret);
        }
        assertFalse(card.toString().contains("it closes"), "the description stays out of logs");
    }

    @Test
    void aLongLineIsCutShortAndNoPublicUrlMeansNoLink() {
        var feedback = new Feedback("fb-2", null, null, null, FeedbackType.SUGGESTION, null, null, null, null,
                "x".repeat(500), null, null, null);
        FeedbackCard card = FeedbackCard.of(triaged(meta("ev-2", FEEDBACK_CREATED, T0), feedback, FeedbackStatus.NEW),
                null, new InMemoryPeople());

        assertEquals(FeedbackCard.LINE_LENGTH, card.description().get(0).length());
        assertEquals('…', card.description().get(0).charAt(FeedbackCard.LINE_LENGTH - 1));
        assertNull(card.link());
    }
}
