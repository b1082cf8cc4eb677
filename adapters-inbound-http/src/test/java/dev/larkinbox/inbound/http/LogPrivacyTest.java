package dev.larkinbox.inbound.http;

import static dev.larkinbox.inbound.http.support.LarkEvents.FIXTURE_TOKEN;
import static dev.larkinbox.inbound.http.support.LarkEvents.uniqueId;
import static dev.larkinbox.inbound.http.support.TestServer.API_TOKEN;
import static dev.larkinbox.inbound.http.support.TestServer.ENCRYPT_KEY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.larkinbox.domain.testing.InMemoryStore;
import dev.larkinbox.inbound.http.support.LarkEvents;
import dev.larkinbox.inbound.http.support.LarkWire;
import dev.larkinbox.inbound.http.support.LogCapture;
import dev.larkinbox.inbound.http.support.TestServer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Personal data and secrets never reach the log at INFO or above, whatever the webhook and the API are sent:
 * events stored and repeated, every kind of refusal, a storage failure, reads of the stored feedback, changes
 * with notes.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class LogPrivacyTest {
    private static final String CONTACT = "privacy-probe-contact@example.com";
    private static final String DESCRIPTION = "privacy probe description 7c41";
    private static final String OPEN_ID = "ou_privacyprobe0a1b2c3d4e5f";
    private static final String NOTE = "privacy probe note: called the user back 5d2e";

    @Test
    void contact_description_user_ids_keys_and_tokens_stay_out_of_the_log() {
        List<String> lines;
        try (LogCapture log = LogCapture.start(); TestServer server = TestServer.secured()) {
            exercise(server);
            lines = log.lines(Level.INFO);
        }

        assertTrue(lines.stream().anyMatch(l -> l.contains("refused POST /webhook/event: 401")), "refusals are logged");
        assertTrue(lines.stream().anyMatch(l -> l.contains("storage unavailable")), "storage failures are logged");
        for (String secret : List.of(CONTACT, DESCRIPTION, OPEN_ID, NOTE, ENCRYPT_KEY, FIXTURE_TOKEN, API_TOKEN)) {
            List<String> leaks = lines.stream().filter(l -> l.contains(secret)).toList();
            assertEquals(List.of(), leaks, "logged: " + secret);
        }
    }

    private static void exercise(TestServer server) {
        InMemoryStore store = server.store();
        String feedbackId = uniqueId("fb_");
        String event = personal(LarkEvents.feedback(uniqueId("ev_"), feedbackId, uniqueId("cli_"), LarkEvents.FAULT, 5));
        LarkWire.Request signed = LarkWire.signed(event, ENCRYPT_KEY);

        expect(200, server.webhook(signed));
        expect(200, server.webhook(signed));
        expect(200, server.webhook(LarkWire.encryptedUnsigned(LarkEvents.challenge(FIXTURE_TOKEN, "c"), ENCRYPT_KEY)));
        expect(401, server.webhook(LarkWire.encryptedUnsigned(LarkEvents.challenge("wrong", "c"), ENCRYPT_KEY)));
        expect(401, server.webhook(signed.withHeader("X-Lark-Signature", "0".repeat(64))));
        expect(401, server.webhook(LarkWire.encryptedUnsigned(event, ENCRYPT_KEY)));
        expect(401, server.webhook(LarkWire.signedBody(event, ENCRYPT_KEY)));
        expect(401, server.webhook(LarkWire.signed(LarkEvents.withToken(event, "wrong"), ENCRYPT_KEY)));
        expect(400, server.webhook(LarkWire.signedBody("{\"note\": \"" + CONTACT + "\"", ENCRYPT_KEY)));
        expect(400, server.webhook(LarkWire.signed("not json " + CONTACT + " " + DESCRIPTION, ENCRYPT_KEY)));
        expect(413, server.webhook(LarkWire.signed(LarkEvents.withDescription(event, DESCRIPTION.repeat(40_000)),
                ENCRYPT_KEY)));
        store.failWrites(true);
        try {
            expect(503, server.webhook(LarkWire.signed(
                    personal(LarkEvents.feedback(uniqueId("ev_"), uniqueId("fb_"), uniqueId("cli_"), 1, 5)), ENCRYPT_KEY)));
        } finally {
            store.failWrites(false);
        }
        expect(200, server.get("/api/feedback/" + feedbackId));
        expect(200, server.get("/api/feedback?limit=200"));
        expect(401, server.get("/api/feedback", "Bearer " + API_TOKEN + "x"));
        expect(404, server.get("/api/feedback/" + CONTACT));
        expect(200, server.patch("/api/feedback/" + feedbackId, "{\"status\":\"acknowledged\",\"note\":\"" + NOTE
                + "\"}", Map.of()));
        expect(409, server.patch("/api/feedback/" + feedbackId, "{\"status\":\"new\",\"note\":\"" + NOTE + "\"}",
                Map.of()));
        expect(400, server.patch("/api/feedback/" + feedbackId, "{\"note\":\"" + NOTE.repeat(100) + "\"}", Map.of()));
        expect(200, server.get("/api/feedback/" + feedbackId + "/history"));
    }

    /** The event with this test's contact, description and user id, to look for in the log. */
    private static String personal(String event) {
        JsonObject payload = JsonParser.parseString(event).getAsJsonObject();
        JsonObject body = payload.getAsJsonObject("event");
        body.addProperty("contact", CONTACT);
        body.addProperty("description", DESCRIPTION);
        body.getAsJsonObject("user_id").addProperty("open_id", OPEN_ID);
        return payload.toString();
    }

    private static void expect(int status, TestServer.Reply reply) {
        assertEquals(status, reply.status(), reply.body());
    }
}
