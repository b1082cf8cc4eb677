package dev.larkinbox.outbound.db;

import static dev.larkinbox.domain.testing.SampleEvents.T0;
import static dev.larkinbox.domain.testing.SampleEvents.feedback;
import static dev.larkinbox.domain.testing.SampleEvents.rawEvent;
import static dev.larkinbox.outbound.db.PostgresTestDatabase.queryText;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.larkinbox.domain.card.DigestFacts;
import dev.larkinbox.domain.event.Delivery;
import dev.larkinbox.domain.event.EventMeta;
import dev.larkinbox.domain.event.Transport;
import dev.larkinbox.domain.inbox.FeedbackArrival;
import dev.larkinbox.domain.inbox.FeedbackStatus;
import dev.larkinbox.domain.inbox.TriagedFeedback;
import dev.larkinbox.domain.sync.StatusSync;
import dev.larkinbox.domain.testing.WorkflowPorts;
import dev.larkinbox.domain.testing.WorkflowPortsContract;
import dev.larkinbox.domain.triage.Priority;
import dev.larkinbox.domain.workflow.Actor;
import dev.larkinbox.domain.workflow.AwaitedStatus;
import dev.larkinbox.domain.workflow.HistoryEntry;
import dev.larkinbox.domain.workflow.LarkFeedbackStatus;
import dev.larkinbox.domain.workflow.WorkflowChange;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PostgresWorkflowTest extends WorkflowPortsContract {
    @Override
    protected WorkflowPorts emptyStore() {
        return PostgresTestDatabase.emptyWorkflowStore();
    }

    @Test
    void aChangeFromLarkIsLinkedToTheEventThatMadeItWhichKeepsItsRawJson() {
        TriagedFeedback item = feedback("ev-1", "fb-1", T0);
        ports.inbox().add(item, rawEvent("ev-1"));
        var entry = new HistoryEntry("fb-1", 2, T0.plusSeconds(1), Actor.LARK, FeedbackStatus.NEW,
                FeedbackStatus.CLOSED, null, null, Priority.P1, Priority.P1, null);
        var meta = new EventMeta("ev-u", "application.application.feedback.updated_v6", null, null, null,
                T0.plusSeconds(1), Transport.WEBHOOK);

        assertEquals(Delivery.NEW, ports.workflow().recordLarkEvent(meta, rawEvent("ev-u"), "not applied: 1",
                List.of(new WorkflowChange("fb-1", 1, FeedbackStatus.CLOSED, null, Priority.P1, entry, null))));

        assertEquals("ev-u", queryText("SELECT event_id FROM feedback_history WHERE feedback_id = 'fb-1'"));
        assertEquals(rawEvent("ev-u"), queryText("SELECT raw_event FROM event_ledger WHERE event_id = 'ev-u'"));
        assertEquals("not applied: 1", queryText("SELECT problem FROM event_ledger WHERE event_id = 'ev-u'"));
    }

    @Test
    void theTransactionThatStoresAFeedbackTellsWhetherAStatusSetInLarkWaitsForIt() {
        var meta = new EventMeta("ev-u", "application.application.feedback.updated_v6", null, null, null, T0,
                Transport.WEBHOOK);
        ports.workflow().recordLarkEvent(meta, rawEvent("ev-u"), "not applied", List.of(),
                new AwaitedStatus(List.of("fb-late"), LarkFeedbackStatus.PROCESSING));
        TriagedFeedback late = feedback("ev-1", "fb-late", T0);

        assertEquals(new FeedbackArrival(Delivery.NEW, true),
                ports.inbox().addAsync(late, rawEvent("ev-1"), false).join());
        assertEquals(new FeedbackArrival(Delivery.NEW, false),
                ports.inbox().addAsync(feedback("ev-2", "fb-other", T0), rawEvent("ev-2"), false).join());
        // a redelivery is asked about too, in case applying the status failed the first time
        assertEquals(new FeedbackArrival(Delivery.DUPLICATE, true),
                ports.inbox().addAsync(late, rawEvent("ev-1"), false).join());
        ports.workflow().forgetAwaited("fb-late");
        assertEquals(new FeedbackArrival(Delivery.DUPLICATE, false),
                ports.inbox().addAsync(late, rawEvent("ev-1"), false).join());
    }

    @Test
    void whatWentWrongWithAnEntryIsKeptForAPerson() {
        TriagedFeedback item = feedback("ev-1", "fb-1", T0);
        ports.inbox().add(item, rawEvent("ev-1"));
        var entry = new HistoryEntry("fb-1", 2, T0, Actor.user("alice"), FeedbackStatus.NEW,
                FeedbackStatus.ACKNOWLEDGED, null, null, Priority.P1, Priority.P1, null);
        ports.workflow().record(new WorkflowChange("fb-1", 1, FeedbackStatus.ACKNOWLEDGED, null, Priority.P1, entry,
                new StatusSync("fb-1", null, LarkFeedbackStatus.MARKED, T0)));
        long id = ports.outbox().claimDue(T0, T0.plusSeconds(30), 1).get(0).id();

        ports.outbox().retryLater(id, false, T0.plusSeconds(5), "Lark unreachable: connection refused");

        assertEquals("Lark unreachable: connection refused",
                queryText("SELECT last_error FROM status_outbox WHERE id = ?", id));
        assertTrue(ports.outbox().hasPending("fb-1"));
    }

    @Test
    void aChangeByALarkUserWhoClickedACardIsKeptAsTheirs() {
        ports.inbox().add(feedback("ev-1", "fb-1", T0), rawEvent("ev-1"));
        var entry = new HistoryEntry("fb-1", 2, T0, Actor.larkUser("ou_clicker"), FeedbackStatus.NEW,
                FeedbackStatus.ACKNOWLEDGED, null, null, Priority.P1, Priority.P1, null);
        ports.workflow().record(new WorkflowChange("fb-1", 1, FeedbackStatus.ACKNOWLEDGED, null, Priority.P1, entry,
                null));

        assertEquals(List.of(entry), ports.workflow().history("fb-1"));
    }

    @Test
    void theDigestCountsOpenFeedbackByPriorityTheOldestOpenAndWhatArrivedAndWasResolvedSince() {
        for (int i = 1; i <= 3; i++) {
            ports.inbox().add(feedback("ev-" + i, "fb-" + i, T0.plusSeconds(i)), rawEvent("ev-" + i));
        }
        var resolved = new HistoryEntry("fb-1", 2, T0.plusSeconds(10), Actor.user("alice"), FeedbackStatus.NEW,
                FeedbackStatus.RESOLVED, null, null, Priority.P1, Priority.P1, null);
        ports.workflow().record(new WorkflowChange("fb-1", 1, FeedbackStatus.RESOLVED, null, Priority.P1, resolved,
                null));
        DigestFacts facts = (DigestFacts) ports.inbox();

        assertEquals(Map.of(Priority.P1, 2L), facts.openByPriority());
        assertEquals(List.of("fb-2"), facts.oldestOpen(1).stream().map(f -> f.feedback().feedbackId()).toList());
        assertEquals(2, facts.arrivedSince(T0.plusSeconds(2)));
        assertEquals(1, facts.resolvedSince(T0.plusSeconds(5)));
        assertEquals(0, facts.resolvedSince(T0.plusSeconds(11)));
    }
}
