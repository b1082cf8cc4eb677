package dev.larkinbox.domain.reply;

import static dev.larkinbox.domain.testing.SampleEvents.FEEDBACK_CREATED;
import static dev.larkinbox.domain.testing.SampleEvents.T0;
import static dev.larkinbox.domain.testing.SampleEvents.feedback;
import static dev.larkinbox.domain.testing.SampleEvents.meta;
import static dev.larkinbox.domain.testing.SampleEvents.rawEvent;
import static dev.larkinbox.domain.testing.SampleEvents.suggestion;
import static dev.larkinbox.domain.testing.SampleEvents.triaged;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.larkinbox.domain.inbox.FeedbackStatus;
import dev.larkinbox.domain.testing.InMemoryStore;
import dev.larkinbox.domain.workflow.Actor;
import dev.larkinbox.domain.workflow.FeedbackNotFoundException;
import dev.larkinbox.domain.workflow.WorkflowChange;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReplyServiceTest {
    private static final Actor ALICE = Actor.user("alice");

    private final InMemoryStore store = new InMemoryStore();
    private final ReplyService replies = new ReplyService(store, store, store.reporters(),
            Clock.fixed(T0.plusSeconds(60), ZoneOffset.UTC));

    @Test
    void aReplyIsOneChangeOfTheFeedbackCarryingItsMessageAndNothingElse() {
        store.add(feedback("ev-1", "fb-1", T0), rawEvent("ev-1"));

        SentMessage reply = replies.reply(new ReplyCommand("fb-1", "Thanks, we are on it", ALICE));

        assertEquals(1, store.reporterMessages().size());
        WorkflowChange change = store.reporterMessages().get(0);
        assertEquals(new ReporterMessage(ReporterMessage.Kind.REPLY, "Thanks, we are on it"), change.message());
        assertEquals(FeedbackStatus.NEW, change.status(), "the status stays");
        assertEquals(null, change.sync(), "Lark's status is not touched");
        assertEquals(ALICE, change.entry().actor());
        assertEquals("Reply to the reporter: Thanks, we are on it", change.entry().note());
        assertEquals(2, reply.version());
        assertEquals(SentMessage.State.PENDING, reply.state());
        assertEquals(2, store.find("fb-1").orElseThrow().version());
    }

    @Test
    void anUnknownFeedbackOrOneWithoutItsReporterIsRefusedAndNothingIsWritten() {
        store.add(triaged(meta("ev-2", FEEDBACK_CREATED, T0), suggestion("fb-2", "cli_app"), FeedbackStatus.NEW),
                rawEvent("ev-2"));

        assertThrows(FeedbackNotFoundException.class, () -> replies.reply(new ReplyCommand("fb-x", "hi", ALICE)));
        assertThrows(NoReporterException.class, () -> replies.reply(new ReplyCommand("fb-2", "hi", ALICE)));
        assertThrows(FeedbackNotFoundException.class, () -> replies.messages("fb-x"));
        assertTrue(store.reporterMessages().isEmpty());
        assertTrue(store.history("fb-2").isEmpty());
    }
}
