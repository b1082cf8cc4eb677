package dev.larkinbox.inbound.http.webhook;

import static dev.larkinbox.inbound.http.support.ErrorAssertions.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import dev.larkinbox.inbound.http.support.LarkEvents;
import dev.larkinbox.inbound.http.support.LarkWire;
import dev.larkinbox.inbound.http.support.LogCapture;
import dev.larkinbox.inbound.http.support.TestServer;
import dev.larkinbox.inbound.http.support.TestServer.Reply;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** lark.mode decides whether the webhook is served; the read API is served in every mode. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class WebhookModeTest {

    @Test
    void in_ws_mode_the_webhook_is_not_served_and_not_warned_about_but_the_read_api_is() {
        try (LogCapture log = LogCapture.start();
             TestServer server = TestServer.start(Map.of("lark.mode", "ws", "inbox.api-token", TestServer.API_TOKEN))) {

            assertError(server.webhook(LarkWire.plain(LarkEvents.challenge(null, "c"))), 404, "about:blank");
            assertEquals(200, server.get("/api/feedback").status());
            assertTrue(log.lines(Level.WARN).stream().noneMatch(line -> line.contains("lark.encrypt-key")));
        }
    }

    @Test
    void in_both_mode_the_webhook_is_served() {
        try (TestServer server = TestServer.start(Map.of("lark.mode", "both",
                "lark.verification-token", LarkEvents.FIXTURE_TOKEN, "inbox.api-token", TestServer.API_TOKEN))) {

            Reply reply = server.webhook(LarkWire.plain(LarkEvents.challenge(LarkEvents.FIXTURE_TOKEN, "both")));

            assertEquals(200, reply.status(), reply.body());
            assertEquals("both", reply.json().get("challenge").getAsString());
        }
    }
}
