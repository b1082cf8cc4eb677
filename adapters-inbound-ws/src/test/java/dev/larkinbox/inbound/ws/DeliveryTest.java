package dev.larkinbox.inbound.ws;

import static dev.larkinbox.inbound.ws.Clients.WAIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.larkinbox.domain.inbox.TriagedFeedback;
import dev.larkinbox.domain.paging.PageRequest;
import dev.larkinbox.domain.revocation.RecordedRevocation;
import dev.larkinbox.domain.revocation.RevocationFilter;
import dev.larkinbox.domain.triage.Priority;
import dev.larkinbox.inbound.lark.fixtures.LarkFixtures;
import dev.larkinbox.inbound.ws.gateway.Ack;
import dev.larkinbox.inbound.ws.gateway.Await;
import dev.larkinbox.inbound.ws.gateway.LarkGateway;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(180)
class DeliveryTest extends ClientAgainstGateway {
    @Test
    void bothFixtureEventsAreStoredAndAckedWith200() {
        connect(Clients.config(gateway.domain()));
        String feedback = LarkFixtures.text(LarkFixtures.FEEDBACK_CREATED);
        String revocation = LarkFixtures.revocation("ev-revoke-1", "oav_d317f090b7258ad0372aa53963cda70d");
        String feedbackMessage = gateway.publish(feedback);
        String revocationMessage = gateway.publish(revocation);

        assertTrue(gateway.awaitDelivered(WAIT), gateway::summary);
        TriagedFeedback stored = inbox.store.find("7057888018203574291").orElseThrow();
        assertEquals("5e3702a84e847582be8db7fb73283c02", stored.meta().eventId());
        assertEquals(Priority.P1, stored.triage().priority());
        List<RecordedRevocation> revocations = inbox.store.list(RevocationFilter.ALL, PageRequest.first(10)).items();
        assertEquals(1, revocations.size());
        assertEquals("oav_d317f090b7258ad0372aa53963cda70d", revocations.get(0).revocation().versionId());
        assertEquals("cli_9b445f5258795107", revocations.get(0).revocation().appId());
        for (String message : List.of(feedbackMessage, revocationMessage)) {
            Ack ack = gateway.acks(message).get(0);
            assertEquals(200, ack.code());
            assertTrue(ack.echoesFrame(), "the ack repeats the frame's SeqID, LogID, service, method and headers");
            assertNotNull(ack.bizRt(), "the ack carries biz_rt");
        }
    }

    @Test
    void twoThousandEventsWithOneInTenFragmentedAndInterleavedAreEachStoredOnceAndAcked200() {
        // a small queue, so that the reading is paused and resumed many times on the way
        connect(new LongConnectionConfig(Clients.APP_ID, Clients.SECRET, gateway.domain(), Duration.ofSeconds(10),
                Duration.ofSeconds(10), 16, 2, Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(2)));
        // a lost message must show as a failure here, not be mended by the gateway's redelivery after a timeout
        gateway.ackTimeout(Duration.ofMinutes(10));
        List<String> messages = new ArrayList<>();
        for (int i = 1; i <= 2000; i++) {
            String json = i % 2 == 0 ? LarkFixtures.feedback("ev-" + i, "fb-" + i)
                    : LarkFixtures.revocation("ev-" + i, "oav_" + i);
            messages.add(gateway.publish(json, i % 10 == 0 ? 2 + i % 4 : 1));
        }

        assertTrue(gateway.awaitDelivered(Duration.ofSeconds(120)), gateway::summary);
        assertEquals(1000, inbox.feedbackCount());
        assertEquals(1000, inbox.revocationCount());
        for (int i = 1; i <= 2000; i++) {
            assertTrue(inbox.stored("ev-" + i), "ev-" + i + " stored");
        }
        List<Ack> acks = gateway.acks();
        assertEquals(Set.of(200), acks.stream().map(Ack::code).collect(Collectors.toSet()));
        assertTrue(acks.stream().allMatch(Ack::echoesFrame));
        assertEquals(Set.copyOf(messages), acks.stream().map(Ack::messageId).collect(Collectors.toSet()));
    }

    @Test
    void oneWorkerHandsEventsToTheStoreWithoutWaitingForTheirCommitsAndAcksEachOnlyOnceCommitted() {
        // a store whose commits come when the test says: each event's future stays open until then
        Map<String, CompletableFuture<String>> committing = new ConcurrentHashMap<>();
        EventSink production = inbox.sink();
        EventSink later = new EventSink() {
            @Override
            public String accept(String eventJson) {
                throw new AssertionError("the workers do not wait for a commit");
            }

            @Override
            public CompletableFuture<String> acceptAsync(String eventJson) {
                CompletableFuture<String> commit = new CompletableFuture<>();
                committing.put(eventJson, commit);
                return commit;
            }
        };
        connect(new LongConnectionConfig(Clients.APP_ID, Clients.SECRET, gateway.domain(), Duration.ofSeconds(10),
                Duration.ofSeconds(10), 16, 1, Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(2)),
                later);
        List<String> events = List.of(LarkFixtures.revocation("ev-1", "oav_1"),
                LarkFixtures.revocation("ev-2", "oav_2"), LarkFixtures.revocation("ev-3", "oav_3"));
        events.forEach(gateway::publish);

        assertTrue(Await.until(WAIT, () -> committing.size() == 3), "all three handed over by the one worker");
        assertEquals(List.of(), gateway.acks(), "nothing acked before its commit");
        committing.get(events.get(1)).complete(production.accept(events.get(1)));
        assertTrue(Await.until(WAIT, () -> gateway.acks().size() == 1), gateway::summary);
        committing.forEach((json, commit) -> commit.complete(production.accept(json)));

        assertTrue(gateway.awaitDelivered(WAIT), gateway::summary);
        assertEquals(Set.of(200), gateway.acks().stream().map(Ack::code).collect(Collectors.toSet()));
        assertEquals(3, inbox.revocationCount());
    }

    @Test
    void whenTheWorkersFallBehindTheClientStopsReadingInsteadOfBufferingAndCatchesUpLater() throws Exception {
        CountDownLatch storageStalls = new CountDownLatch(1);
        EventSink production = inbox.sink();
        client = new LarkLongConnection(new LongConnectionConfig(Clients.APP_ID, Clients.SECRET, gateway.domain(),
                Duration.ofSeconds(10), Duration.ofSeconds(10), 4, 1, Duration.ofSeconds(1), Duration.ofSeconds(5),
                Duration.ofSeconds(2)), json -> {
                    await(storageStalls);
                    return production.accept(json);
                });
        client.start();
        assertTrue(Await.until(WAIT, () -> client.status().connected()));
        // 2,000 events of 10 kB: far more than the socket buffers hold
        String padding = "x".repeat(10_000);
        for (int i = 1; i <= 2000; i++) {
            JsonObject event = JsonParser.parseString(LarkFixtures.revocation("ev-" + i, "oav_" + i))
                    .getAsJsonObject();
            event.getAsJsonObject("event").addProperty("padding", padding);
            gateway.publish(event.toString());
        }

        assertTrue(Await.until(WAIT, () -> gateway.backedUp() && gateway.unsent() > 0), gateway::summary);
        assertEquals(0, inbox.revocationCount());

        storageStalls.countDown();
        assertTrue(gateway.awaitDelivered(Duration.ofSeconds(120)), gateway::summary);
        assertEquals(2000, inbox.revocationCount());
        assertEquals(0, client.status().reconnects(), "a paused reading is not mistaken for a dead connection");
    }

    private static void await(CountDownLatch latch) {
        try {
            assertTrue(latch.await(WAIT.toSeconds(), TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void duplicateDeliveriesAreAcked200AndStoredOnce() {
        connect(Clients.config(gateway.domain()));
        String event = LarkFixtures.feedback("ev-dup", "fb-dup");
        List<String> messages = List.of(gateway.publish(event), gateway.publish(event, 3), gateway.publish(event));

        assertTrue(gateway.awaitDelivered(WAIT), gateway::summary);
        for (String message : messages) {
            assertEquals(List.of(200), gateway.acks(message).stream().map(Ack::code).toList());
        }
        assertEquals(3, inbox.sinkCalls.get(), "every delivery reached the intake");
        assertEquals(1, inbox.feedbackCount());
    }

    @Test
    void aStorageFailureIsAcked500AndTheRedeliveryIsStored() {
        connect(Clients.config(gateway.domain()));
        inbox.store.failWrites(true);
        String message = gateway.publish(LarkFixtures.revocation("ev-outage", "oav_outage"));

        assertTrue(Await.until(WAIT, () -> !gateway.acks(message).isEmpty()), gateway::summary);
        assertEquals(500, gateway.acks(message).get(0).code());
        assertFalse(inbox.stored("ev-outage"));

        inbox.store.failWrites(false);
        assertTrue(gateway.awaitDelivered(WAIT), gateway::summary);
        assertTrue(inbox.stored("ev-outage"));
        List<Ack> acks = gateway.acks(message);
        assertEquals(200, acks.get(acks.size() - 1).code());
        assertTrue(gateway.deliveries(message) >= 2);
    }

    @Test
    void anErrorThrownWhileStoringIsAnswered500AndTheOnlyWorkerGoesOnToAckTheNextEvents() {
        AtomicInteger errorsLeft = new AtomicInteger(2);
        EventSink production = inbox.sink();
        // one worker: if an Error ended its loop, nothing after it would ever be acked
        client = new LarkLongConnection(new LongConnectionConfig(Clients.APP_ID, Clients.SECRET, gateway.domain(),
                Duration.ofSeconds(5), Duration.ofSeconds(5), 8, 1, Duration.ofSeconds(1), Duration.ofSeconds(5),
                Duration.ofSeconds(2)), json -> {
                    if (errorsLeft.getAndDecrement() > 0) {
                        throw new NoClassDefFoundError("a class the handler needs failed to load");
                    }
                    return production.accept(json);
                });
        client.start();
        assertTrue(Await.until(WAIT, () -> client.status().connected()), () -> "not connected: " + client.status());
        // an ack timeout longer than the test: only an answered 500 brings the failed events back in time
        gateway.ackTimeout(Duration.ofMinutes(10));
        String first = gateway.publish(LarkFixtures.revocation("ev-error-1", "oav_1"));
        String second = gateway.publish(LarkFixtures.revocation("ev-error-2", "oav_2"));
        assertTrue(Await.until(WAIT, () -> !gateway.acks(first).isEmpty() && !gateway.acks(second).isEmpty()),
                gateway::summary);
        List<String> next = List.of(gateway.publish(LarkFixtures.revocation("ev-next-1", "oav_3")),
                gateway.publish(LarkFixtures.feedback("ev-next-2", "fb-next-2")));

        assertTrue(gateway.awaitDelivered(WAIT), gateway::summary);
        assertEquals(500, gateway.acks(first).get(0).code());
        assertEquals(500, gateway.acks(second).get(0).code());
        for (String message : next) {
            assertEquals(List.of(200), gateway.acks(message).stream().map(Ack::code).toList());
        }
        for (String eventId : List.of("ev-error-1", "ev-error-2", "ev-next-1", "ev-next-2")) {
            assertTrue(inbox.stored(eventId), eventId + " stored");
        }
        assertTrue(client.status().connected());
    }

    @Test
    void aMalformedEventIsAcked200SinceNoRedeliveryCouldMendIt() {
        connect(Clients.config(gateway.domain()));
        String notJson = gateway.publish("this is not JSON");
        String noHeader = gateway.publish("{\"schema\":\"2.0\",\"event\":{}}");

        assertTrue(gateway.awaitDelivered(WAIT), gateway::summary);
        assertEquals(200, gateway.acks(notJson).get(0).code());
        assertEquals(200, gateway.acks(noHeader).get(0).code());
        assertEquals(2, inbox.sinkCalls.get());
        assertEquals(0, inbox.feedbackCount() + inbox.revocationCount());
    }

    @Test
    void anIncompleteMessageIsDroppedWithoutAckAfterTheFragmentTimeout() {
        try (LogCapture logs = new LogCapture()) {
            connect(Clients.config(gateway.domain(), Duration.ofMillis(500), Duration.ofSeconds(5),
                    Duration.ofSeconds(1)));
            long start = System.nanoTime();
            String incomplete = gateway.publishIncomplete(LarkFixtures.feedback("ev-part", "fb-part"), 3, 1);

            assertTrue(Await.until(WAIT, () -> logs.contains("message " + incomplete + " dropped unacked")),
                    () -> String.join("\n", logs.lines()));
            assertTrue(Duration.ofNanos(System.nanoTime() - start).toMillis() >= 500, "not before the timeout");
            // the connection goes on: a later event is stored and acked, the incomplete one never
            String whole = gateway.publish(LarkFixtures.feedback("ev-whole", "fb-whole"), 3);
            assertTrue(gateway.awaitDelivered(WAIT), gateway::summary);
            assertEquals(200, gateway.acks(whole).get(0).code());
            assertTrue(gateway.acks(incomplete).isEmpty());
            assertFalse(inbox.stored("ev-part"));
        }
    }
}
