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

/**
 * Neither encrypt key nor verification token: nothing can be verified, so the webhook refuses everything, unless
 * the operator says in so many words that unverified events are fine (and is warned).
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class UnauthenticatedWebhookTest {

    @Test
    void without_keys_every_event_is_refused_with_a_problem_naming_the_two_variables() {
        try (TestServer server = TestServer.start(Map.of("inbox.api-token", TestServer.API_TOKEN))) {
            String eventId = uniqueId("ev_");

            Reply reply = server.webhook(LarkWire.plain(
                    LarkEvents.withToken(LarkEvents.revocation(eventId, uniqueId("cli_"), uniqueId("oav_")), null)));
            Reply challenge = server.webhook(LarkWire.plain(LarkEvents.challenge(null, "c")));

            assertEquals(401, reply.status(), reply.body());
            assertEquals("tag:larkinbox.dev,2025:problem/webhook-not-configured", reply.json().get("type").getAsString());
            String detail = reply.json().get("detail").getAsString();
            assertTrue(detail.contains("LARK_ENCRYPT_KEY") && detail.contains("LARK_VERIFICATION_TOKEN"), detail);
            assertEquals(401, challenge.status(), challenge.body());
            assertTrue(server.store().entry(eventId).isEmpty(), "nothing stored");
        }
    }

    @Test
    void with_allow_unverified_events_are_accepted_after_a_loud_warning_at_start() {
        try (LogCapture log = LogCapture.start();
             TestServer server = TestServer.start(Map.of("inbox.api-token", TestServer.API_TOKEN,
                     "lark.webhook.allow-unverified", true))) {

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
