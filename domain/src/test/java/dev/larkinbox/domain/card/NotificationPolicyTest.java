package dev.larkinbox.domain.card;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.larkinbox.domain.reason.Reason;
import dev.larkinbox.domain.triage.Priority;
import dev.larkinbox.domain.triage.Triage;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class NotificationPolicyTest {
    private final NotificationPolicy fromP2 = new NotificationPolicy(Priority.P2);

    @Test
    void feedbackAtOrAboveTheMinimumPriorityGetsACardAndSaysWhy() {
        CardDecision p1 = fromP2.decide(triage(Priority.P1));
        assertTrue(p1.post());
        assertEquals(Reason.of("card.urgent-enough", "P1", "P2"), p1.reason());
        assertEquals("P1 is at least P2: a card goes to the chat", p1.reason().english());
        assertEquals("P1 不低于 P2：向群聊发送卡片", p1.reason().text(Locale.SIMPLIFIED_CHINESE));
        assertTrue(fromP2.decide(triage(Priority.P2)).post());
    }

    @Test
    void feedbackBelowTheMinimumPriorityGetsNone() {
        CardDecision p3 = fromP2.decide(triage(Priority.P3));
        assertFalse(p3.post());
        assertEquals(Reason.of("card.not-urgent-enough", "P3", "P2"), p3.reason());
        assertFalse(fromP2.decide(triage(Priority.P4)).post());
    }

    @Test
    void withNotificationsOffNothingGetsACard() {
        assertFalse(NotificationPolicy.OFF.decide(triage(Priority.P1)).post());
        assertEquals(Reason.of("card.notifications-off"), NotificationPolicy.OFF.decide(triage(Priority.P1)).reason());
    }

    private static Triage triage(Priority priority) {
        return new Triage(priority, "stability", List.of(Reason.of("triage.fault-kind", "crash", "P1", "stability")));
    }
}
