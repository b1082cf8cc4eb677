package dev.larkinbox.domain.reuse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.larkinbox.domain.event.Delivery;
import dev.larkinbox.domain.event.EventMeta;
import dev.larkinbox.domain.event.Transport;
import dev.larkinbox.domain.feedback.FaultKind;
import dev.larkinbox.domain.feedback.Feedback;
import dev.larkinbox.domain.feedback.FeedbackSource;
import dev.larkinbox.domain.feedback.FeedbackType;
import dev.larkinbox.domain.inbox.InboxService;
import dev.larkinbox.domain.inbox.TriageFeedback;
import dev.larkinbox.domain.inbox.TriageFeedbackCommand;
import dev.larkinbox.domain.reason.Reason;
import dev.larkinbox.domain.testing.InMemoryStore;
import dev.larkinbox.domain.triage.DefaultTriagePolicy;
import dev.larkinbox.domain.triage.Priority;
import dev.larkinbox.domain.triage.Triage;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The README's example of another service reusing the domain, kept true by running it. */
class ReuseTheDomainTest {

    @Test
    void theReadmeExampleTriagesACrashAsP1AndSeesTheRedeliveryAsADuplicate() {
        String rawJson = "{}";
        InMemoryStore store = new InMemoryStore();
        TriageFeedback triage = new InboxService(store, new DefaultTriagePolicy());

        EventMeta meta = new EventMeta("ev-1", "application.application.feedback.created_v6", "cli_a", "tenant",
                Instant.now(), Instant.now(), Transport.WEBHOOK);
        Feedback crash = new Feedback("fb-1", "cli_a", null, null, FeedbackType.FAULT, List.of(FaultKind.CRASH),
                FeedbackSource.MINI_PROGRAM, null, null, "it closes itself", null, List.of(), "page/index");

        Delivery d = triage.triage(new TriageFeedbackCommand(meta, crash, rawJson));
        Triage t = new DefaultTriagePolicy().triage(crash);

        assertEquals(Delivery.NEW, d);
        assertEquals(Delivery.DUPLICATE, triage.triage(new TriageFeedbackCommand(meta, crash, rawJson)));
        assertEquals(new Triage(Priority.P1, "stability", List.of(Reason.of("triage.fault-kind", "crash", "P1", "stability"))), t);
    }
}
