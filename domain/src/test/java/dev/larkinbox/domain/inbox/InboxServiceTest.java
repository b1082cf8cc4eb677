package dev.larkinbox.domain.inbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.larkinbox.domain.card.NotificationPolicy;
import dev.larkinbox.domain.event.Delivery;
import dev.larkinbox.domain.event.EventMeta;
import dev.larkinbox.domain.event.Transport;
import dev.larkinbox.domain.feedback.FaultKind;
import dev.larkinbox.domain.feedback.Feedback;
import dev.larkinbox.domain.feedback.FeedbackType;
import dev.larkinbox.domain.reason.Reason;
import dev.larkinbox.domain.triage.DefaultTriagePolicy;
import dev.larkinbox.domain.triage.Priority;
import dev.larkinbox.domain.triage.Triage;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

class InboxServiceTest {
    private final FeedbackInbox inbox = mock(FeedbackInbox.class);
    private final InboxService service = new InboxService(inbox, new DefaultTriagePolicy());

    private static final EventMeta META = new EventMeta("ev-1", "application.application.feedback.created_v6",
            "cli_app", "tenant", Instant.parse("2024-01-01T00:00:00Z"), Instant.parse("2024-01-01T00:00:01Z"),
            Transport.WEBHOOK);
    private static final Feedback CRASH = new Feedback("fb-1", "cli_app", null, null, FeedbackType.FAULT,
            List.of(FaultKind.CRASH), null, null, null, null, null, null, null);

    @Test
    void newFeedbackIsStoredTriagedByThePolicyWithStatusNew() {
        when(inbox.add(any(), any(), anyBoolean())).thenReturn(Delivery.NEW);

        Delivery delivery = service.triage(new TriageFeedbackCommand(META, CRASH, "{raw}"));

        ArgumentCaptor<TriagedFeedback> stored = ArgumentCaptor.forClass(TriagedFeedback.class);
        verify(inbox).add(stored.capture(), eq("{raw}"), eq(false));
        assertEquals(Delivery.NEW, delivery);
        assertEquals(META, stored.getValue().meta());
        assertEquals(CRASH, stored.getValue().feedback());
        assertEquals(Priority.P1, stored.getValue().triage().priority());
        assertEquals(FeedbackStatus.NEW, stored.getValue().status());
    }

    @Test
    void aDuplicateIsReportedAsTheStoreSaysIt() {
        when(inbox.add(any(), any(), anyBoolean())).thenReturn(Delivery.DUPLICATE);

        assertEquals(Delivery.DUPLICATE, service.triage(new TriageFeedbackCommand(META, CRASH, "{raw}")));
    }

    @Test
    void anotherPolicyCanReplaceTheDefault() {
        Triage everythingUrgent = new Triage(Priority.P1, "all", List.of(Reason.verbatim("team rule: everything is P1")));
        InboxService custom = new InboxService(inbox, feedback -> everythingUrgent);
        when(inbox.add(any(), any(), anyBoolean())).thenReturn(Delivery.NEW);

        custom.triage(new TriageFeedbackCommand(META, CRASH, "{raw}"));

        ArgumentCaptor<TriagedFeedback> stored = ArgumentCaptor.forClass(TriagedFeedback.class);
        verify(inbox).add(stored.capture(), any(), anyBoolean());
        assertEquals(everythingUrgent, stored.getValue().triage());
    }

    @Test
    void feedbackTheNotificationPolicyPicksIsStoredWithItsChatCardAndOtherFeedbackWithout() {
        InboxService notifying = new InboxService(inbox, new DefaultTriagePolicy(),
                new NotificationPolicy(Priority.P2));
        Feedback idea = new Feedback("fb-2", "cli_app", null, null, FeedbackType.SUGGESTION, null, null, null, null,
                null, null, null, null);
        when(inbox.add(any(), any(), anyBoolean())).thenReturn(Delivery.NEW);

        notifying.triage(new TriageFeedbackCommand(META, CRASH, "{crash}"));
        notifying.triage(new TriageFeedbackCommand(META, idea, "{idea}"));

        verify(inbox).add(any(), eq("{crash}"), eq(true));
        verify(inbox).add(any(), eq("{idea}"), eq(false));
    }
}
