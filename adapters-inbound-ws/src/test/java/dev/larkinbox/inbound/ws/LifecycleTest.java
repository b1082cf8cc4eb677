package dev.larkinbox.inbound.ws;

import static dev.larkinbox.inbound.ws.Clients.WAIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.larkinbox.inbound.lark.fixtures.LarkFixtures;
import dev.larkinbox.inbound.ws.ConnectionStatus.State;
import dev.larkinbox.inbound.ws.gateway.Ack;
import dev.larkinbox.inbound.ws.gateway.Await;
import dev.larkinbox.inbound.ws.gateway.LarkGateway;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(180)
class LifecycleTest {
    private final Inbox inbox = new Inbox();
    private LarkGateway gateway;
    private LarkLongConnection client;

    @AfterEach
    void stopAll() {
        if (client != null) {
            client.close();
        }
        if (gateway != null) {
            gateway.close();
        }
    }

    @Test
    void startReturnsAtOnceAndCloseEndsAConnectionAttemptThatLarkNeverAnswers() throws Exception {
        try (ServerSocket mute = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            mute.setSoTimeout((int) WAIT.toMillis());
            client = new LarkLongConnection(Clients.config(URI.create("http://127.0.0.1:" + mute.getLocalPort())),
                    inbox.sink());

            long started = System.nanoTime();
            client.start();
            assertTrue(millisSince(started) < 1000, "start() returned after " + millisSince(started) + " ms");
            assertEquals(State.CONNECTING, client.status().state());

            try (Socket endpointCall = mute.accept()) {
                // the endpoint call is now waiting for an answer that never comes
                long closing = System.nanoTime();
                client.close();
                assertTrue(millisSince(closing) < 5000, "close() took " + millisSince(closing) + " ms");
            }
        }
        assertEquals(State.STOPPED, client.status().state());
        assertTrue(Await.until(WAIT, () -> Clients.clientThreads().isEmpty()), () -> "alive: " + Clients.clientThreads());
    }

    @Test
    void closeLetsTheEventBeingStoredFinishAndBeAckedAbandonsQueuedOnesAndStopsEveryThread() throws Exception {
        gateway = LarkGateway.start(Clients.APP_ID, Clients.SECRET);
        CountDownLatch storing = new CountDownLatch(1);
        EventSink production = inbox.sink();
        EventSink slow = json -> {
            storing.countDown();
            try {
                // a write that takes its time (not a wait for a condition): close() must let it finish
                Thread.sleep(700);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            return production.accept(json);
        };
        client = new LarkLongConnection(new LongConnectionConfig(Clients.APP_ID, Clients.SECRET, gateway.domain(),
                Duration.ofSeconds(5), Duration.ofSeconds(5), 8, 1, Duration.ofSeconds(1), Duration.ofSeconds(5),
                Duration.ofSeconds(2)), slow);
        client.start();
        assertTrue(Await.until(WAIT, () -> client.status().connected()));
        List<String> messages = List.of(
                gateway.publish(LarkFixtures.revocation("ev-1", "oav_1")),
                gateway.publish(LarkFixtures.revocation("ev-2", "oav_2")),
                gateway.publish(LarkFixtures.revocation("ev-3", "oav_3")));
        assertTrue(storing.await(WAIT.toSeconds(), TimeUnit.SECONDS));

        long closing = System.nanoTime();
        client.close();
        assertTrue(millisSince(closing) < 5000, "close() took " + millisSince(closing) + " ms");

        assertEquals(State.STOPPED, client.status().state());
        assertTrue(Await.until(WAIT, () -> gateway.acks().size() == 1), gateway::summary);
        Ack ack = gateway.acks().get(0);
        assertEquals(200, ack.code(), "the event being stored was committed and acked");
        assertTrue(messages.contains(ack.messageId()));
        assertEquals(1, inbox.revocationCount());
        assertEquals(1, inbox.sinkCalls.get(), "the queued events were abandoned, for Lark to deliver again");
        assertTrue(Await.until(WAIT, () -> gateway.clientCloseCodes().equals(List.of(1000))), gateway::summary);
        assertTrue(Await.until(WAIT, () -> Clients.clientThreads().isEmpty()), () -> "alive: " + Clients.clientThreads());
        assertTrue(Await.until(WAIT, LifecycleTest::httpClientThreadsEnded), "the JDK HTTP client's threads ended");
        assertThrows(IllegalStateException.class, client::start, "a closed client stays closed");
    }

    @Test
    void neitherTheSecretNorPayloadsNorTheConnectionTicketReachTheLogs() {
        gateway = LarkGateway.start(Clients.APP_ID, "not-the-secret-the-client-has");
        try (LogCapture logs = new LogCapture()) {
            client = new LarkLongConnection(Clients.config(gateway.domain()), inbox.sink());
            client.start();
            assertTrue(Await.until(WAIT, () -> gateway.endpointCalls().size() >= 2), gateway::summary);
            gateway.credentials(Clients.APP_ID, Clients.SECRET);
            assertTrue(Await.until(WAIT, () -> client.status().connected()));

            inbox.store.failWrites(true);
            String feedback = gateway.publish(LarkFixtures.text(LarkFixtures.FEEDBACK_CREATED), 2);
            assertTrue(Await.until(WAIT, () -> !gateway.acks(feedback).isEmpty()), gateway::summary);
            inbox.store.failWrites(false);
            gateway.publish("{\"contact\":\"wang@bytedance.com\", not json");
            assertTrue(gateway.awaitDelivered(WAIT), gateway::summary);
            client.close();

            String all = String.join("\n", logs.lines());
            assertTrue(all.contains("refused"), "the refusal was logged");
            assertTrue(all.contains("storage unavailable"), "the storage failure was logged");
            for (String secretOrPersonal : List.of(Clients.SECRET, "wang@bytedance.com", "反馈的详细信息",
                    "ou_84aad35d084aa403a838cf73ee18467", "ticket=")) {
                assertFalse(all.contains(secretOrPersonal), "the logs contain " + secretOrPersonal + ":\n" + all);
            }
        }
        assertFalse(client.status().toString().contains(Clients.SECRET));
        assertFalse(Clients.config(gateway.domain()).toString().contains(Clients.SECRET));
    }

    /** The JDK's HTTP client ends its selector thread once the client is unreachable: nudge the collector. */
    private static boolean httpClientThreadsEnded() {
        System.gc();
        return Thread.getAllStackTraces().keySet().stream()
                .noneMatch(t -> t.isAlive() && t.getName().startsWith("HttpClient-"));
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }
}
