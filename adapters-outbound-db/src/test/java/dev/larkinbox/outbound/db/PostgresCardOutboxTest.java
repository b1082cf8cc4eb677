package dev.larkinbox.outbound.db;

import static dev.larkinbox.domain.testing.SampleEvents.T0;
import static dev.larkinbox.domain.testing.SampleEvents.feedback;
import static dev.larkinbox.domain.testing.SampleEvents.rawEvent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.larkinbox.domain.card.CardOutbox;
import dev.larkinbox.domain.card.PendingCard;
import dev.larkinbox.domain.card.PendingCard.Kind;
import dev.larkinbox.domain.inbox.FeedbackStatus;
import dev.larkinbox.domain.reason.Reason;
import dev.larkinbox.domain.testing.WorkflowPorts;
import dev.larkinbox.domain.workflow.Actor;
import dev.larkinbox.domain.workflow.WorkFeedbackCommand;
import dev.larkinbox.domain.workflow.WorkflowService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The card outbox on PostgreSQL: written with the feedback and its changes, claimed by one instance at a time. */
class PostgresCardOutboxTest {
    private static final Instant LATER = T0.plus(Duration.ofDays(3650));

    private WorkflowPorts ports;
    private CardOutbox cards;
    private WorkflowService workflow;

    @BeforeEach
    void emptyStore() {
        ports = PostgresTestDatabase.emptyWorkflowStore();
        cards = PostgresTestDatabase.context().getBean(CardOutbox.class);
        workflow = new WorkflowService(ports.inbox(), ports.workflow(), ports.outbox(), false, Clock.systemUTC());
    }

    @Test
    void anAnnouncedFeedbackIsPostedAndEachLaterChangeUpdatesItsMessage() {
        ports.inbox().add(feedback("ev-1", "fb-1", T0), rawEvent("ev-1"), true);
        ports.inbox().add(feedback("ev-2", "fb-2", T0), rawEvent("ev-2"), false);
        work("fb-1", FeedbackStatus.ACKNOWLEDGED);
        work("fb-2", FeedbackStatus.ACKNOWLEDGED);

        List<PendingCard> first = cards.claimDue(LATER, LATER.plusSeconds(30), 10);
        assertEquals(List.of("fb-1:POST"), first.stream().map(c -> c.feedbackId() + ":" + c.kind()).toList(),
                "the post holds back its update, and the feedback without a card has none");
        assertNull(first.get(0).messageId());
        cards.messagePosted(first.get(0).id(), "om_1");
        cards.delivered(first.get(0).id(), LATER);

        List<PendingCard> second = cards.claimDue(LATER, LATER.plusSeconds(30), 10);
        assertEquals(1, second.size());
        assertEquals(Kind.UPDATE, second.get(0).kind());
        assertEquals("om_1", second.get(0).messageId());
    }

    @Test
    void aRecoveredFeedbackIsAnnouncedLikeOneThatCame() {
        ports.recovery().addRecovered(feedback("recovered:fb-1", "fb-1", T0), "{}", true);

        assertEquals(Kind.POST, cards.claimDue(LATER, LATER.plusSeconds(30), 10).get(0).kind());
    }

    @Test
    void aFailedPostIsRetriedLaterAndAnAbandonedOneLeavesNothingToUpdate() {
        ports.inbox().add(feedback("ev-1", "fb-1", T0), rawEvent("ev-1"), true);
        long id = cards.claimDue(LATER, LATER.plusSeconds(30), 10).get(0).id();
        cards.retryLater(id, false, LATER.plusSeconds(5), "Lark unreachable");

        assertEquals(List.of(), cards.claimDue(LATER.plusSeconds(4), LATER.plusSeconds(60), 10));
        PendingCard again = cards.claimDue(LATER.plusSeconds(5), LATER.plusSeconds(60), 10).get(0);
        assertEquals(1, again.attempts());
        cards.abandon(id, LATER.plusSeconds(6), Reason.of("lark.refused", 1, "no permission"));
        work("fb-1", FeedbackStatus.ACKNOWLEDGED);

        assertEquals(List.of(), cards.claimDue(LATER.plusSeconds(7), LATER.plusSeconds(60), 10));
    }

    @Test
    void twoInstancesClaimingAtOnceNeverTakeTheSameCard() throws Exception {
        for (int i = 0; i < 40; i++) {
            ports.inbox().add(feedback("ev-" + i, "fb-" + i, T0), rawEvent("ev-" + i), true);
        }
        ExecutorService instances = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<List<Long>>> claims = new ArrayList<>();
            for (int n = 0; n < 2; n++) {
                claims.add(instances.submit(() -> {
                    start.await();
                    List<Long> ids = new ArrayList<>();
                    for (List<PendingCard> batch = cards.claimDue(LATER, LATER.plusSeconds(30), 3); !batch.isEmpty();
                         batch = cards.claimDue(LATER, LATER.plusSeconds(30), 3)) {
                        batch.forEach(c -> ids.add(c.id()));
                    }
                    return ids;
                }));
            }
            start.countDown();
            List<Long> all = new ArrayList<>();
            for (Future<List<Long>> claim : claims) {
                all.addAll(claim.get(60, TimeUnit.SECONDS));
            }
            Set<Long> distinct = new HashSet<>(all);
            assertEquals(40, all.size());
            assertEquals(40, distinct.size());
        } finally {
            instances.shutdownNow();
        }
    }

    private void work(String feedbackId, FeedbackStatus status) {
        workflow.work(new WorkFeedbackCommand(feedbackId, status, null, null, null, null, Actor.user("alice")));
    }
}
