package dev.larkinbox.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.larkinbox.inbound.http.support.LarkWire;
import dev.larkinbox.inbound.lark.fixtures.LarkFixtures;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Health as a supervisor (systemd, a container runtime) reads it, on a database that can go away. */
@ExtendWith(SharedInbox.OnRestartablePostgres.class)
class HealthTest {
    private static RestartablePostgres postgres;
    private static RunningInbox inbox;

    @BeforeAll
    static void start() {
        postgres = SharedInbox.restartablePostgres();
        inbox = SharedInbox.onRestartablePostgres();
    }

    @Test
    void livenessAndReadinessAreServedAndAnyoneSeesStatesOnly() {
        HttpResponse<String> readiness = Http.get(uri("/health/readiness"));
        HttpResponse<String> liveness = Http.get(uri("/health/liveness"));
        HttpResponse<String> states = Http.get(uri("/health"));
        HttpResponse<String> health = new InboxApi(inbox.uri()).get("/health");

        assertEquals(200, readiness.statusCode(), readiness.body());
        assertTrue(readiness.body().contains("\"status\":\"UP\""), readiness.body());
        assertEquals(200, liveness.statusCode(), liveness.body());
        assertEquals(200, states.statusCode(), states.body());
        assertFalse(states.body().contains("details"), "details only with the API token: " + states.body());
        assertTrue(health.body().contains("\"connection\":\"up\""), health.body());
        for (String hidden : List.of("version", "PostgreSQL", "diskSpace", "jdbc:", "localhost")) {
            assertFalse(health.body().contains(hidden), hidden + " in " + health.body());
        }
    }

    @Test
    void readinessIsDownWhileTheDatabaseIsGoneWhileLivenessStaysUpAndBothAreUpWhenItIsBack() throws Exception {
        postgres.stop();
        try {
            assertTrue(awaitStatus("/health/readiness", 503, Duration.ofSeconds(5)), "readiness DOWN within 5 s");
            assertEquals(200, Http.get(uri("/health/liveness")).statusCode(), "a restart would not mend it");
        } finally {
            postgres.startAgain();
        }
        assertTrue(awaitStatus("/health/readiness", 200, Duration.ofSeconds(15)), "ready again");
        assertEquals(200, post(LarkFixtures.feedback(uniqueId(), uniqueId())).join().statusCode());
    }

    @Test
    void aFloodOfHealthChecksDoesNotTurnEventsAway() {
        List<CompletableFuture<HttpResponse<String>>> checks = new ArrayList<>();
        List<CompletableFuture<HttpResponse<String>>> events = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            checks.add(Http.CLIENT.sendAsync(HttpRequest.newBuilder(uri("/health")).timeout(Duration.ofSeconds(30))
                    .build(), HttpResponse.BodyHandlers.ofString()));
            if (i % 10 == 0) {
                events.add(post(LarkFixtures.feedback(uniqueId(), uniqueId())));
            }
        }

        List<Integer> answers = events.stream().map(f -> f.join().statusCode()).toList();
        checks.forEach(CompletableFuture::join);
        assertEquals(List.of(200), answers.stream().distinct().toList(), "every event taken: " + answers);
    }

    private static boolean awaitStatus(String path, int status, Duration within) {
        try {
            Awaitility.await().atMost(within).pollInterval(Duration.ofMillis(100))
                    .until(() -> Http.get(uri(path)).statusCode() == status);
            return true;
        } catch (ConditionTimeoutException e) {
            return false;
        }
    }

    private static CompletableFuture<HttpResponse<String>> post(String event) {
        LarkWire.Request request = LarkWire.signed(event, WorkTheInboxTest.ENCRYPT_KEY);
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri("/webhook/event")).timeout(Duration.ofSeconds(15))
                .POST(HttpRequest.BodyPublishers.ofByteArray(request.body()));
        request.headers().forEach(builder::header);
        return Http.CLIENT.sendAsync(builder.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static URI uri(String path) {
        return inbox.uri().resolve(path);
    }

    private static String uniqueId() {
        return UUID.randomUUID().toString().replace("-", "");
    }
}
