package dev.larkinbox.inbound.http.webhook;

import static dev.larkinbox.inbound.http.support.LarkEvents.FIXTURE_TOKEN;
import static dev.larkinbox.inbound.http.support.LarkEvents.uniqueId;
import static dev.larkinbox.inbound.http.support.ErrorAssertions.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import dev.larkinbox.domain.testing.InMemoryStore;
import dev.larkinbox.inbound.http.support.LarkEvents;
import dev.larkinbox.inbound.http.support.LarkWire;
import dev.larkinbox.inbound.http.support.TestServer;
import dev.larkinbox.inbound.http.support.TestServer.Reply;
import dev.larkinbox.inbound.lark.fixtures.LarkFixtures;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The webhook of an app with a verification token but no encrypt key: plain, unsigned JSON. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class PlainWebhookTest {
    @RegisterExtension
    static final TestServer server = TestServer.start(Map.of("lark.verification-token", FIXTURE_TOKEN,
                "inbox.api-token", TestServer.API_TOKEN));
    private static final InMemoryStore store = server.store();

    @Test
    void the_revocation_fixture_is_stored_and_read_back_through_the_api() {
        Reply reply = server.webhook(LarkWire.plain(LarkFixtures.text(LarkFixtures.PUBLISH_REVOKE)));

        assertEquals(200, reply.status(), reply.body());
        List<JsonObject> items = server.get("/api/revocations?version_id=oav_d317f090b7258ad0372aa53963cda70d").items();
        assertEquals(1, items.size());
        JsonObject item = items.get(0);
        assertEquals("9c4d1a7e2b5f4e3a8d6c0b1f2e3a4d5c", item.get("event_id").getAsString());
        assertEquals("cli_9b445f5258795107", item.get("app_id").getAsString());
        assertEquals("oav_d317f090b7258ad0372aa53963cda70d", item.get("version_id").getAsString());
        assertEquals("2ca1d211f64f6438", item.get("tenant_key").getAsString());
        assertEquals("2020-12-23T12:19:49Z", item.get("revoked_at").getAsString());
        assertTrue(Instant.parse(item.get("received_at").getAsString()).isAfter(
                Instant.parse("2024-01-01T00:00:00Z")));
        for (String user : List.of("operator", "creator")) {
            JsonObject ids = item.getAsJsonObject(user);
            assertEquals("ou_84aad35d084aa403a838cf73ee18467", ids.get("open_id").getAsString());
            assertEquals("on_8ed6aa67826108097d9ee143816345", ids.get("union_id").getAsString());
            assertEquals("e33ggbyz", ids.get("user_id").getAsString());
        }
    }

    @Test
    void a_plain_challenge_is_answered_when_its_token_matches() {
        Reply reply = server.webhook(LarkWire.plain(LarkEvents.challenge(FIXTURE_TOKEN, "plain-challenge-1")));

        assertEquals(200, reply.status(), reply.body());
        assertEquals("plain-challenge-1", reply.json().get("challenge").getAsString());
    }

    @Test
    void a_plain_challenge_with_a_wrong_or_missing_token_is_refused() {
        assertError(server.webhook(LarkWire.plain(LarkEvents.challenge("wrong", "c2"))), 401,
                "wrong-verification-token");
        assertError(server.webhook(LarkWire.plain(LarkEvents.challenge(null, "c3"))), 401,
                "wrong-verification-token");
    }

    @Test
    void an_event_with_a_wrong_token_is_refused_and_not_stored() {
        String eventId = uniqueId("ev_");
        String payload = LarkEvents.withToken(LarkEvents.revocation(eventId, uniqueId("cli_"), uniqueId("oav_")),
                "wrong");

        assertError(server.webhook(LarkWire.plain(payload)), 401, "wrong-verification-token");
        assertTrue(store.entry(eventId).isEmpty());
    }

    @Test
    void an_event_without_a_token_is_refused_and_not_stored() {
        String eventId = uniqueId("ev_");
        String payload = LarkEvents.withToken(LarkEvents.revocation(eventId, uniqueId("cli_"), uniqueId("oav_")),
                null);

        assertError(server.webhook(LarkWire.plain(payload)), 401, "wrong-verification-token");
        assertTrue(store.entry(eventId).isEmpty());
    }

    @Test
    void a_body_that_is_not_a_json_object_is_refused_as_malformed() {
        assertError(server.webhook(LarkWire.plain("{\"schema\": \"2.0\", ")), 400, "malformed-event");
        assertError(server.webhook(LarkWire.plain("[1, 2, 3]")), 400, "malformed-event");
        assertError(server.webhook(LarkWire.plain("")), 400, "malformed-event");
    }

    @Test
    void an_event_without_header_is_refused_as_malformed() {
        String payload = "{\"schema\":\"2.0\",\"token\":\"" + FIXTURE_TOKEN + "\",\"event\":{}}";

        assertError(server.webhook(LarkWire.plain(payload)), 400, "malformed-event");
    }
}
