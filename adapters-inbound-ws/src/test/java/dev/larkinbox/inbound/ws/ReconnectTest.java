package dev.larkinbox.inbound.ws;

import static dev.larkinbox.inbound.ws.Clients.WAIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.larkinbox.inbound.ws.ConnectionStatus.State;
import dev.larkinbox.inbound.lark.fixtures.LarkFixtures;
import dev.larkinbox.inbound.ws.gateway.Ack;
import dev.larkinbox.inbound.ws.gateway.Await;
import dev.larkinbox.inbound.ws.gateway.ClientPolicy;
import dev.larkinbox.inbound.ws.gateway.EndpointCall;
import dev.larkinbox.inbound.ws.gateway.LarkGateway;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each test has a gateway and client of its own; they run side by side, as most of their time is Lark's intervals. */
@Timeout(180)
@Execution(ExecutionMode.CONCURRENT)
class ReconnectTest extends ClientAgainstGateway {
    @Test
    void aDroppedSocketMidStreamIsReplacedAndEveryEventDelivered() {
        deliversAcrossAnInterruption(LarkGateway::dropConnections);
    }

    @Test
    void aCloseFrameMidStreamIsFollowedByAReconnectAndEveryEventDelivered() {
        deliversAcrossAnInterruption(g -> g.closeConnections(1000, "gateway restarting"));
    }

    @Test
    void aCloseFrameIsAnsweredAndFollowedByAReconnect() {
        connect(Clients.config(gateway.domain()));
        gateway.closeConnections(1001, "going away");

        assertTrue(Await.until(WAIT, () -> gateway.connectionsOpened() == 2 && client.status().connected()),
                gateway::summary);
        assertEquals(List.of(1000), gateway.clientCloseCodes());
        assertTrue(client.status().lastError().contains("1001"), client.status().toString());
    }

    private void deliversAcrossAnInterruption(Consumer<LarkGateway> interruption) {
        connect(Clients.config(gateway.domain()));
        publish(1, 1000);
        assertTrue(Await.until(WAIT, () -> gateway.acks().size() >= 100), gateway::summary);

        interruption.accept(gateway);
        publish(1001, 2000);

        assertTrue(gateway.awaitDelivered(Duration.ofSeconds(120)), gateway::summary);
        assertEquals(1000, inbox.feedbackCount());
        assertEquals(1000, inbox.revocationCount());
        assertTrue(gateway.connectionsOpened() >= 2, gateway::summary);
        assertTrue(client.status().connected());
        assertTrue(client.status().reconnects() >= 1, () -> client.status().toString());
        // an ack echoes a frame that the same connection carried: none went astray onto the new connection
        assertTrue(gateway.acks().stream().allMatch(Ack::echoesFrame));
    }

    private void publish(int from, int to) {
        for (int i = from; i <= to; i++) {
            String json = i % 2 == 0 ? LarkFixtures.feedback("ev-" + i, "fb-" + i)
                    : LarkFixtures.revocation("ev-" + i, "oav_" + i);
            gateway.publish(json, i % 10 == 0 ? 3 : 1);
        }
    }

    @Test
    void aSilentConnectionIsFoundDeadByThePongTimeoutAndReplaced() {
        connect(Clients.config(gateway.domain(), Duration.ofSeconds(5), Duration.ofSeconds(3), Duration.ofSeconds(1)));
        gateway.silenceConnections();
        String message = gateway.publish(LarkFixtures.revocation("ev-after-silence", "oav_1"));

        assertTrue(gateway.awaitDelivered(WAIT), gateway::summary);
        assertTrue(inbox.stored("ev-after-silence"));
        assertTrue(gateway.connectionsOpened() >= 2, gateway::summary);
        assertTrue(Await.until(WAIT, () -> gateway.openConnections() == 1), "the client closed the silent one");
        assertEquals(200, gateway.acks(message).get(0).code());
        assertTrue(client.status().lastError().contains("no pong"), client.status().toString());
    }

    @Test
    void wrongCredentialsAreRetriedAfterTheLongBackoffNeverInATightLoop() {
        gateway.credentials(Clients.APP_ID, "the-secret-lark-expects");
        start(Clients.config(gateway.domain(), Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(1)));

        assertTrue(Await.until(WAIT, () -> gateway.endpointCalls().size() >= 3), gateway::summary);
        List<EndpointCall> calls = gateway.endpointCalls();
        assertSpacedBy(calls, Duration.ofMillis(900));
        assertTrue(calls.stream().allMatch(c -> "zh".equals(c.locale()) && Clients.APP_ID.equals(c.appId())));
        ConnectionStatus status = client.status();
        assertEquals(State.CONNECTING, status.state());
        assertTrue(status.lastError().contains(Integer.toString(LarkGateway.BAD_CREDENTIALS)), status.toString());
        assertFalse(status.lastError().contains(Clients.SECRET));

        gateway.credentials(Clients.APP_ID, Clients.SECRET);
        assertTrue(Await.until(WAIT, () -> client.status().connected()), () -> client.status().toString());
        gateway.publish(LarkFixtures.revocation("ev-after-fix", "oav_1"));
        assertTrue(gateway.awaitDelivered(WAIT), gateway::summary);
    }

    @ParameterizedTest(name = "handshake-status {0}, auth error {1}")
    @CsvSource({"403, 0", "514, " + LarkGateway.TOO_MANY_CONNECTIONS})
    void aRefusedHandshakeIsRetriedAfterTheLongBackoff(int status, int authErrCode) {
        gateway.refuseHandshakes(status, authErrCode, "refused for the test", 2);
        connect(Clients.config(gateway.domain(), Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(1)));

        assertEquals(2, gateway.handshakesRefused());
        assertEquals(3, gateway.endpointCalls().size(), "each try asks the endpoint again");
        assertSpacedBy(gateway.endpointCalls(), Duration.ofMillis(900));
        assertTrue(client.status().lastError().contains("status " + status), client.status().toString());
    }

    @Test
    void aHandshakeFailingForAnotherReasonIsRetriedAtLarksReconnectInterval() {
        gateway.refuseHandshakes(500, 0, "gateway overloaded", 1);
        // a client-error backoff far longer than the test: only Lark's 1 s interval can get it back in time
        connect(Clients.config(gateway.domain(), Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofMinutes(10)));

        assertEquals(1, gateway.handshakesRefused());
        assertTrue(client.status().lastError().contains("status 500"), client.status().toString());
    }

    @Test
    void serverTroubleAtTheEndpointIsRetriedAtLarksReconnectInterval() {
        connect(Clients.config(gateway.domain(), Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofMinutes(10)));
        gateway.failEndpoint(1000040343, "internal error", 2);
        gateway.dropConnections();

        assertTrue(Await.until(WAIT, () -> gateway.connectionsOpened() == 2 && client.status().connected()),
                gateway::summary);
        List<EndpointCall> calls = gateway.endpointCalls();
        assertEquals(4, calls.size());
        assertSpacedBy(calls.subList(1, 4), Duration.ofMillis(900));
        assertEquals(1, client.status().reconnects());
    }

    @Test
    void theClientGivesUpAfterLarksReconnectCount() {
        gateway.policy(new ClientPolicy(2, 1, 0, 1));
        connect(Clients.config(gateway.domain()));
        gateway.failEndpoint(1, "system busy", -1);
        gateway.dropConnections();

        assertTrue(Await.until(WAIT, () -> client.status().state() == State.GAVE_UP), () -> client.status().toString());
        assertEquals(1 + 2, gateway.endpointCalls().size());
    }

    @Test
    void theClientConfigInPongsIsApplied() {
        // the endpoint says ping every minute; the pongs say every second
        gateway.policy(new ClientPolicy(-1, 1, 0, 60));
        gateway.pongPolicy(new ClientPolicy(-1, 1, 0, 1));
        connect(Clients.config(gateway.domain()));

        assertTrue(Await.until(WAIT, () -> gateway.pings() >= 4), gateway::summary);
    }

    private static void assertSpacedBy(List<EndpointCall> calls, Duration gap) {
        for (int i = 1; i < calls.size(); i++) {
            Duration between = Duration.between(calls.get(i - 1).at(), calls.get(i).at());
            assertTrue(between.compareTo(gap) >= 0, "call " + i + " came " + between.toMillis() + " ms after the one before");
        }
    }
}
