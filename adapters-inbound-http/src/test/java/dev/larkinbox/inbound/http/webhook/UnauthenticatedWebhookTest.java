package dev.larkinbox.inbound.http.webhook;

import static dev.larkinbox.inbound.http.support.LarkEvents.uniqueId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import dev.larkinbox.domain.ledger.LedgerOutcome;
import dev.larkinbox.inbound.http.support.LarkEvents;
import dev.larkinbox.inbound.http.support.LarkWire;
import dev.larkinbox.inbound.http.support.LogCapture;
import dev.larkinbox.inbound.http.support.TestServer;
import dev.larkinbox.inbound.http.support.TestServer.Reply;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Neither encrypt key nor verification token: events are taken as they come, and the operator is warned. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class UnauthenticatedWebhookTest {

    @Test
    void events_are_accepted_unauthenticated_after_a_loud_warning_at_start() {
        try (LogCapture log = LogCapture.start();
             TestServer server = TestServer.start(Map.of("inbox.api-token", TestServer.API_TOKEN))) {

            assertTrue(log.lines(Level.WARN).stream().anyMatch(line ->
                    line.contains("NEITHER lark.encrypt-key NOR lark.verification-token IS SET")), "warned at start");

            String eventId = uniqueId("ev_");
            Reply reply = server.webhook(LarkWire.plain(
                    LarkEvents.withToken(LarkEvents.revocation(eventId, uniqueId("cli_"), uniqueId("oav_")), null)));

            assertEquals(200, reply.status(), reply.body());
            assertEquals(LedgerOutcome.STORED, server.store().entry(eventId).orElseThrow().outcome());
            Reply challenge = server.webhook(LarkWire.plain(LarkEvents.challenge(null, "open-challenge")));
            assertEquals("open-challenge", challenge.json().get("challenge").getAsString());
        }
    }
}
