package dev.larkinbox.inbound.http.webhook;

import static dev.larkinbox.inbound.http.support.LarkEvents.FIXTURE_TOKEN;
import static dev.larkinbox.inbound.http.support.LarkEvents.uniqueId;
import static dev.larkinbox.inbound.http.support.ErrorAssertions.assertError;
import static dev.larkinbox.inbound.http.support.TestServer.ENCRYPT_KEY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.larkinbox.domain.ledger.LedgerOutcome;
import dev.larkinbox.domain.testing.InMemoryStore;
import dev.larkinbox.inbound.http.support.LarkEvents;
import dev.larkinbox.inbound.http.support.LarkWire;
import dev.larkinbox.inbound.http.support.TestBeans;
import dev.larkinbox.inbound.http.support.TestServer;
import io.micronaut.http.netty.channel.EventLoopGroupRegistry;
import io.netty.channel.EventLoopGroup;
import dev.larkinbox.inbound.http.support.TestServer.Reply;
import dev.larkinbox.inbound.lark.fixtures.LarkFixtures;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The webhook of an app with an encrypt key and a verification token, as Lark delivers to it. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class EncryptedWebhookTest {
    @RegisterExtension
    static final TestServer server = TestServer.secured();
    private static final InMemoryStore store = server.store();

    @AfterEach
    void storeWorks() {
        store.failWrites(false);
    }

    @Test
    void a_signed_encrypted_event_is_stored_and_answered_200() {
        String eventId = uniqueId("ev_");
        String feedbackId = uniqueId("fb_");

        Reply reply = server.webhook(LarkWire.signed(
                LarkEvents.feedback(eventId, feedbackId, uniqueId("cli_"), LarkEvents.FAULT, 5), ENCRYPT_KEY));

        assertEquals(200, reply.status(), reply.body());
        assertEquals(eventId, reply.json().get("event_id").getAsString());
        assertFalse(reply.json().get("duplicate").getAsBoolean());
        assertEquals(200, server.get("/api/feedback/" + feedbackId).status());
    }

    @Test
    void a_use_case_that_waits_for_its_commit_runs_off_the_netty_event_loop() {
        Reply reply = server.webhook(LarkWire.signed(LarkFixtures.statusUpdate(uniqueId("ev_"), 2, uniqueId("fb_")),
                ENCRYPT_KEY));
        assertEquals(200, reply.status(), reply.body());

        List<Thread> threads = server.bean(TestBeans.WaitingThreads.class).seen();
        Thread handler = threads.get(threads.size() - 1);
        EventLoopGroup eventLoops = server.bean(EventLoopGroupRegistry.class).getDefaultEventLoopGroup();
        eventLoops.forEach(loop -> assertFalse(loop.inEventLoop(handler), () -> handler.getName() + " is an event loop"));
    }

    @Test
    void a_redelivered_event_is_answered_200_and_stored_once() {
        String appId = uniqueId("cli_");
        String payload = LarkEvents.crash(appId);

        Reply first = server.webhook(LarkWire.signed(payload, ENCRYPT_KEY));
        Reply again = server.webhook(LarkWire.signed(payload, ENCRYPT_KEY));

        assertEquals(200, first.status(), first.body());
        assertEquals(200, again.status(), again.body());
        assertTrue(again.json().get("duplicate").getAsBoolean());
        assertEquals("stored", first.json().get("outcome").getAsString());
        assertEquals("duplicate", again.json().get("outcome").getAsString());
        Reply reused = server.webhook(LarkWire.signed(payload.replace(appId, appId + "-x"), ENCRYPT_KEY));
        assertEquals(200, reused.status(), reused.body());
        assertEquals("conflict", reused.json().get("outcome").getAsString());
        assertEquals(1, server.get("/api/feedback?app_id=" + appId).items().size());
    }

    @Test
    void twenty_four_concurrent_deliveries_of_one_event_store_it_once() {
        String appId = uniqueId("cli_");
        LarkWire.Request request = LarkWire.signed(LarkEvents.crash(appId), ENCRYPT_KEY);

        List<CompletableFuture<Reply>> deliveries = IntStream.range(0, 24)
                .mapToObj(i -> server.webhookAsync(request)).toList();
        List<Reply> replies = deliveries.stream().map(CompletableFuture::join).toList();

        assertTrue(replies.stream().allMatch(r -> r.status() == 200), () -> replies.toString());
        assertEquals(1, replies.stream().filter(r -> !r.json().get("duplicate").getAsBoolean()).count());
        assertEquals(1, server.get("/api/feedback?app_id=" + appId).items().size());
    }

    @Test
    void an_event_of_a_type_not_handled_is_acknowledged_and_recorded_as_ignored() {
        String eventId = uniqueId("ev_");

        Reply reply = server.webhook(LarkWire.signed(
                LarkEvents.ofType(eventId, "contact.user.created_v3"), ENCRYPT_KEY));

        assertEquals(200, reply.status(), reply.body());
        assertEquals("ignored", reply.json().get("outcome").getAsString());
        assertEquals(LedgerOutcome.IGNORED, store.entry(eventId).orElseThrow().outcome());
    }

    @Test
    void storage_unavailable_is_answered_503_with_retry_after_quickly_and_the_retry_succeeds() {
        String eventId = uniqueId("ev_");
        String feedbackId = uniqueId("fb_");
        LarkWire.Request request = LarkWire.signed(
                LarkEvents.feedback(eventId, feedbackId, uniqueId("cli_"), LarkEvents.FAULT, 5), ENCRYPT_KEY);
        store.failWrites(true);

        long started = System.nanoTime();
        Reply refused = server.webhook(request);
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

        assertError(refused, 503, "storage-unavailable");
        assertTrue(refused.headers().firstValue("Retry-After").isPresent(), "Retry-After");
        assertTrue(millis < 2_000, () -> "answered in " + millis + " ms, Lark waits about 3 s");
        assertTrue(store.entry(eventId).isEmpty());

        store.failWrites(false);
        Reply retried = server.webhook(request);

        assertEquals(200, retried.status(), retried.body());
        assertEquals(200, server.get("/api/feedback/" + feedbackId).status());
    }

    @Test
    void an_encrypted_challenge_without_signature_is_answered_when_its_token_matches() {
        Reply reply = server.webhook(LarkWire.encryptedUnsigned(
                LarkEvents.challenge(FIXTURE_TOKEN, "ajls384kdjx98XX"), ENCRYPT_KEY));

        assertEquals(200, reply.status(), reply.body());
        assertEquals("ajls384kdjx98XX", reply.json().get("challenge").getAsString());
        assertEquals(1, reply.json().size(), reply.body());
    }

    @Test
    void an_encrypted_challenge_with_a_wrong_token_is_refused() {
        Reply reply = server.webhook(LarkWire.encryptedUnsigned(
                LarkEvents.challenge("not-the-token", "ajls384kdjx98XX"), ENCRYPT_KEY));

        assertError(reply, 401, "wrong-verification-token");
        assertFalse(reply.body().contains("ajls384kdjx98XX"));
    }

    @Test
    void a_plain_challenge_is_refused_when_an_encrypt_key_is_set() {
        Reply reply = server.webhook(LarkWire.plain(LarkEvents.challenge(FIXTURE_TOKEN, "c1")));

        assertError(reply, 401, "unverified-request");
    }

    @Test
    void an_event_without_signature_headers_is_refused_and_not_stored() {
        String eventId = uniqueId("ev_");
        String payload = LarkEvents.feedback(eventId, uniqueId("fb_"), uniqueId("cli_"), LarkEvents.FAULT, 5);

        Reply reply = server.webhook(LarkWire.encryptedUnsigned(payload, ENCRYPT_KEY));

        assertError(reply, 401, "unverified-request");
        assertTrue(store.entry(eventId).isEmpty());
    }

    @Test
    void an_event_missing_one_signature_header_is_refused_and_not_stored() {
        String eventId = uniqueId("ev_");
        LarkWire.Request request = LarkWire.signed(
                LarkEvents.feedback(eventId, uniqueId("fb_"), uniqueId("cli_"), LarkEvents.FAULT, 5), ENCRYPT_KEY);

        Reply reply = server.webhook(request.withHeader("X-Lark-Request-Nonce", null));

        assertError(reply, 401, "unverified-request");
        assertTrue(store.entry(eventId).isEmpty());
    }

    @Test
    void an_event_with_a_wrong_signature_is_refused_and_not_stored() {
        String eventId = uniqueId("ev_");
        LarkWire.Request request = LarkWire.signed(
                LarkEvents.feedback(eventId, uniqueId("fb_"), uniqueId("cli_"), LarkEvents.FAULT, 5), ENCRYPT_KEY);
        String signature = request.headers().get("X-Lark-Signature");
        String tampered = (signature.charAt(0) == '0' ? "1" : "0") + signature.substring(1);

        Reply reply = server.webhook(request.withHeader("X-Lark-Signature", tampered));

        assertError(reply, 401, "unverified-request");
        assertTrue(store.entry(eventId).isEmpty());
    }

    @Test
    void an_event_signed_and_encrypted_with_another_key_is_refused_and_not_stored() {
        String eventId = uniqueId("ev_");
        String payload = LarkEvents.feedback(eventId, uniqueId("fb_"), uniqueId("cli_"), LarkEvents.FAULT, 5);

        Reply reply = server.webhook(LarkWire.signed(payload, "another-apps-encrypt-key"));

        assertError(reply, 401, "unverified-request");
        assertTrue(store.entry(eventId).isEmpty());
    }

    @Test
    void a_plain_event_is_refused_when_an_encrypt_key_is_set() {
        String eventId = uniqueId("ev_");
        String payload = LarkEvents.feedback(eventId, uniqueId("fb_"), uniqueId("cli_"), LarkEvents.FAULT, 5);

        Reply reply = server.webhook(LarkWire.signedBody(payload, ENCRYPT_KEY));

        assertError(reply, 401, "unverified-request");
        assertTrue(store.entry(eventId).isEmpty());
    }

    @Test
    void a_signed_event_whose_token_does_not_match_is_refused_and_not_stored() {
        String eventId = uniqueId("ev_");
        String payload = LarkEvents.withToken(
                LarkEvents.feedback(eventId, uniqueId("fb_"), uniqueId("cli_"), LarkEvents.FAULT, 5), "wrong-token");

        Reply reply = server.webhook(LarkWire.signed(payload, ENCRYPT_KEY));

        assertError(reply, 401, "wrong-verification-token");
        assertTrue(store.entry(eventId).isEmpty());
    }

    @Test
    void a_signed_event_without_a_token_is_refused_and_not_stored() {
        String eventId = uniqueId("ev_");
        String payload = LarkEvents.withToken(
                LarkEvents.feedback(eventId, uniqueId("fb_"), uniqueId("cli_"), LarkEvents.FAULT, 5), null);

        Reply reply = server.webhook(LarkWire.signed(payload, ENCRYPT_KEY));

        assertError(reply, 401, "wrong-verification-token");
        assertTrue(store.entry(eventId).isEmpty());
    }

    @Test
    void a_body_that_is_not_json_is_refused_as_malformed() {
        Reply reply = server.webhook(LarkWire.signedBody("this is not json", ENCRYPT_KEY));

        assertError(reply, 400, "malformed-event");
    }

    @Test
    void a_signed_body_that_does_not_decrypt_is_refused_as_malformed() {
        Reply reply = server.webhook(LarkWire.signedBody("{\"encrypt\":\"bm90IGEgY2lwaGVydGV4dCBhdCBhbGwh\"}",
                ENCRYPT_KEY));

        assertError(reply, 400, "malformed-event");
    }

    @Test
    void a_body_that_fails_to_decrypt_leaves_the_events_after_it_stored() {
        // the ciphers are kept per event loop: one that failed half-way must serve the next event as a fresh one
        for (int i = 0; i < 12; i++) {
            assertError(server.webhook(LarkWire.signedBody(
                    "{\"encrypt\":\"bm90IGEgY2lwaGVydGV4dCBhdCBhbGwh\"}", ENCRYPT_KEY)), 400, "malformed-event");
            String eventId = uniqueId("ev_");
            Reply stored = server.webhook(LarkWire.signed(LarkEvents.revocation(eventId, uniqueId("cli_"), "v1"),
                    ENCRYPT_KEY));
            assertEquals(200, stored.status(), stored.body());
            assertEquals("stored", stored.json().get("outcome").getAsString());
        }
    }

    @Test
    void a_signed_payload_that_is_not_json_is_refused_as_malformed() {
        Reply reply = server.webhook(LarkWire.signed("not json inside", ENCRYPT_KEY));

        assertError(reply, 400, "malformed-event");
    }

    @Test
    void a_signed_payload_without_event_id_is_refused_as_malformed_and_not_stored() {
        String payload = LarkEvents.feedback("", uniqueId("fb_"), uniqueId("cli_"), LarkEvents.FAULT, 5);

        Reply reply = server.webhook(LarkWire.signed(payload, ENCRYPT_KEY));

        assertError(reply, 400, "malformed-event");
    }

    @Test
    void a_signed_payload_without_event_type_is_refused_as_malformed_and_not_stored() {
        String eventId = uniqueId("ev_");
        String payload = LarkEvents.ofType(eventId, "");

        Reply reply = server.webhook(LarkWire.signed(payload, ENCRYPT_KEY));

        assertError(reply, 400, "malformed-event");
        assertTrue(store.entry(eventId).isEmpty());
    }

    @Test
    void a_body_over_1_MiB_is_refused_413_and_not_stored() {
        String eventId = uniqueId("ev_");
        LarkWire.Request request = LarkWire.signed(sizedFeedback(eventId, uniqueId("fb_"), 800_000), ENCRYPT_KEY);
        assertTrue(request.body().length > WebhookController.MAX_BODY_BYTES);

        Reply reply = server.webhook(request);

        assertError(reply, 413, "body-too-large");
        assertTrue(store.entry(eventId).isEmpty());
        assertKeepsAnswering();
    }

    @Test
    void a_chunked_body_over_1_MiB_is_refused_413_and_not_stored() {
        String eventId = uniqueId("ev_");
        LarkWire.Request request = LarkWire.signed(sizedFeedback(eventId, uniqueId("fb_"), 800_000), ENCRYPT_KEY);

        // no Content-Length: the size is only known by reading
        Reply reply = server.send(server.builder("/webhook/event", request.headers())
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(request.body())))
                .build());

        assertError(reply, 413, "body-too-large");
        assertTrue(store.entry(eventId).isEmpty());
        assertKeepsAnswering();
    }

    @Test
    void a_large_event_under_1_MiB_is_stored() {
        String eventId = uniqueId("ev_");
        String feedbackId = uniqueId("fb_");
        LarkWire.Request request = LarkWire.signed(sizedFeedback(eventId, feedbackId, 700_000), ENCRYPT_KEY);
        assertTrue(request.body().length > 900_000 && request.body().length < WebhookController.MAX_BODY_BYTES);

        Reply reply = server.webhook(request);

        assertEquals(200, reply.status(), reply.body());
        assertEquals(700_000, server.get("/api/feedback/" + feedbackId).json().get("description").getAsString().length());
    }

    /** A body refused unread must not leave the connection stuck for the deliveries after it. */
    private static void assertKeepsAnswering() {
        for (int i = 0; i < 3; i++) {
            Reply next = server.webhook(LarkWire.signed(LarkEvents.crash(uniqueId("cli_")), ENCRYPT_KEY));
            assertEquals(200, next.status(), next.body());
        }
    }

    private static String sizedFeedback(String eventId, String feedbackId, int descriptionLength) {
        return LarkEvents.withDescription(
                LarkEvents.feedback(eventId, feedbackId, uniqueId("cli_"), LarkEvents.FAULT, 5),
                "x".repeat(descriptionLength));
    }
}
