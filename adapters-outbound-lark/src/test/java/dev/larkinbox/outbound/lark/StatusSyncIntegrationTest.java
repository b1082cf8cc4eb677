package dev.larkinbox.outbound.lark;

import static dev.larkinbox.domain.inbox.FeedbackStatus.ACKNOWLEDGED;
import static dev.larkinbox.domain.inbox.FeedbackStatus.IN_PROGRESS;
import static dev.larkinbox.domain.inbox.FeedbackStatus.RESOLVED;
import static dev.larkinbox.domain.testing.SampleEvents.T0;
import static dev.larkinbox.domain.testing.SampleEvents.feedback;
import static dev.larkinbox.domain.testing.SampleEvents.rawEvent;
import static dev.larkinbox.outbound.lark.LarkOpenApiTest.APP;
import static dev.larkinbox.outbound.lark.LarkOpenApiTest.SECRET;
import static dev.larkinbox.outbound.lark.LarkOpenApiTest.settings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.larkinbox.domain.inbox.FeedbackStatus;
import dev.larkinbox.domain.sync.Backoff;
import dev.larkinbox.domain.sync.StatusSyncService;
import dev.larkinbox.domain.testing.InMemoryStore;
import dev.larkinbox.domain.workflow.Actor;
import dev.larkinbox.domain.workflow.WorkFeedbackCommand;
import dev.larkinbox.domain.workflow.WorkflowService;
import dev.larkinbox.outbound.lark.standin.LarkStandIn;
import dev.larkinbox.outbound.lark.standin.LarkStandIn.Patch;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Statuses set in the inbox reach the stand-in Lark through the outbox, its repeated draining and the SDK client. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class StatusSyncIntegrationTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    private final LarkStandIn lark = LarkStandIn.start(APP, SECRET, 50);
    private final InMemoryStore store = new InMemoryStore();
    private final WorkflowService workflow = new WorkflowService(store, store, store, true, Clock.systemUTC());
    private final StatusSyncService sync = new StatusSyncService(store, new LarkOpenApi(settings(lark, null)),
            new Backoff(Duration.ofMillis(50), Duration.ofMillis(200)), Duration.ofSeconds(30), 20, 3,
            Clock.systemUTC());
    private Repeatedly worker;

    @AfterEach
    void stop() {
        if (worker != null) {
            worker.close();
        }
        lark.close();
    }

    @Test
    void aFeedbackWorkedFromNewToResolvedReachesLarkWithTheMappedStatusesInOrder() {
        arrive("fb-1");
        worker = Repeatedly.run(sync::syncDue, Duration.ofMillis(20));

        work("fb-1", ACKNOWLEDGED);
        work("fb-1", IN_PROGRESS);
        work("fb-1", RESOLVED);

        LarkStandIn.await("three statuses in Lark", WAIT, () -> lark.patches().size() == 3);
        assertEquals(List.of(1, 2, 3), lark.patches().stream().map(Patch::status).toList());
        assertEquals(3, lark.statusOf(APP, "fb-1"));
    }

    @Test
    void whileLarkIsDownNothingIsLostAndTheOutboxDeliversOnceItIsBack() {
        arrive("fb-1");
        arrive("fb-2");
        lark.down();
        worker = Repeatedly.run(sync::syncDue, Duration.ofMillis(20));

        work("fb-1", ACKNOWLEDGED);
        work("fb-2", ACKNOWLEDGED);
        work("fb-1", IN_PROGRESS);
        // whether a token is cached from an earlier test or not, each attempt knocks on a door that stays shut
        LarkStandIn.await("several attempts against the down stand-in", WAIT,
                () -> lark.calls("token") + lark.calls("patch") >= 4);
        assertEquals(List.of(), lark.patches());
        assertTrue(store.hasPending("fb-1"));
        lark.up();

        LarkStandIn.await("every status in Lark", WAIT, () -> lark.patches().size() == 3);
        assertEquals(List.of(1, 2), lark.patches().stream().filter(p -> p.feedbackId().equals("fb-1"))
                .map(Patch::status).toList());
        assertEquals(1, lark.statusOf(APP, "fb-2"));
        LarkStandIn.await("the outbox empty", WAIT, () -> !store.hasPending("fb-1") && !store.hasPending("fb-2"));
    }

    @Test
    void aWorkerStartedLaterSendsWhatWasLeftInTheOutbox() {
        arrive("fb-1");
        work("fb-1", ACKNOWLEDGED); // no worker runs: the service stopped right after this change

        worker = Repeatedly.run(sync::syncDue, Duration.ofMillis(20));

        LarkStandIn.await("the status left behind in Lark", WAIT, () -> lark.patches().size() == 1);
        assertEquals(new Patch(APP, "fb-1", 1, null), lark.patches().get(0));
    }

    private void arrive(String feedbackId) {
        store.add(feedback("ev-" + feedbackId, feedbackId, T0), rawEvent("ev-" + feedbackId));
        lark.addFeedback(APP, feedbackId, LocalDateTime.now(LarkOpenApi.LARK_ZONE));
    }

    private void work(String feedbackId, FeedbackStatus status) {
        workflow.work(new WorkFeedbackCommand(feedbackId, status, null, null, null, null, Actor.user("alice")));
    }
}
