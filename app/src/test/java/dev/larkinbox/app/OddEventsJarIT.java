package dev.larkinbox.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.larkinbox.domain.ledger.LedgerOutcome;
import dev.larkinbox.inbound.http.support.LarkWire;
import dev.larkinbox.inbound.lark.fixtures.HostileEvents;
import dev.larkinbox.inbound.lark.fixtures.HostileEvents.Hostile;
import dev.larkinbox.inbound.lark.fixtures.LarkFixtures;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar, played from outside as the issue measured it: each odd event sent in the same instant as 50
 * valid ones. The odd event is answered 200 once and for all (a redelivery is a duplicate), the 50 beside it are
 * all answered 200 within Lark's 3 s and stored; and a service without keys refuses an unsigned event.
 */
class OddEventsJarIT {
    private static final String ENCRYPT_KEY = "odd-events-encrypt-key";
    private static final String TOKEN = "rvaYgkND1GOiu5MM0E1rncYC6PLtF7JV"; // the fixtures' token
    private static final int VALID_BESIDE = 50;
    private static final Duration LARK_DEADLINE = Duration.ofSeconds(3);

    @Test
    void eachOddEventIsAnsweredOnceAndForAllAndThe50BesideItAreStoredWithin3Seconds(@TempDir Path dir)
            throws Exception {
        try (ServiceProcess service = ServiceProcess.fromJar(jar(), dir, Map.of("LARK_ENCRYPT_KEY", ENCRYPT_KEY,
                "LARK_VERIFICATION_TOKEN", TOKEN, "INBOX_API_TOKEN", InboxApi.TOKEN))) {
            InboxApi api = new InboxApi(service.uri());
            // the first requests of a fresh JVM are slow for reasons of its own (class loading, JIT)
            round(service.uri(), null, "warm-up");

            List<String> report = new ArrayList<>();
            for (Hostile odd : HostileEvents.all("jar-")) {
                String app = "cli_" + UUID.randomUUID().toString().replace("-", "");
                Round round = round(service.uri(), odd, app);
                Answer again = send(service.uri(), odd.json()).get(30, TimeUnit.SECONDS);

                String expected = odd.expected() == LedgerOutcome.MALFORMED ? "malformed" : "stored";
                assertEquals(200, round.odd().status(), odd.kind() + ": " + round.odd().body());
                assertEquals(expected, round.odd().outcome(), odd.kind());
                assertEquals(200, again.status(), odd.kind() + " again: " + again.body());
                assertEquals("duplicate", again.outcome(), odd.kind() + " again");
                for (Answer valid : round.valid()) {
                    assertEquals(200, valid.status(), odd.kind() + ", a valid event beside it: " + valid.body());
                    assertTrue(valid.took().compareTo(LARK_DEADLINE) < 0,
                            odd.kind() + ", a valid event beside it answered after " + valid.took());
                }
                assertEquals(VALID_BESIDE, api.all("/api/feedback", "app_id=" + app).size(), odd.kind());
                report.add(String.format("%-45s %d %-9s again %d %-9s | 50 valid: all 200, slowest %d ms",
                        odd.kind(), round.odd().status(), round.odd().outcome(), again.status(), again.outcome(),
                        round.slowest().toMillis()));
            }
            // the note of the issue lists every kind of odd input and its answer
            report.forEach(System.out::println);
        }
    }

    @Test
    void aServiceWithoutKeysRefusesAnUnsignedEvent(@TempDir Path dir) throws Exception {
        try (ServiceProcess service = ServiceProcess.fromJar(jar(), dir, Map.of("INBOX_API_TOKEN", InboxApi.TOKEN))) {
            Answer refused = post(service.uri(), LarkWire.plain(LarkFixtures.text(LarkFixtures.FEEDBACK_CREATED)))
                    .get(30, TimeUnit.SECONDS);

            assertEquals(401, refused.status(), refused.body());
            assertTrue(refused.body().contains("LARK_ENCRYPT_KEY"), refused.body());
            assertEquals(404, new InboxApi(service.uri()).get("/api/feedback/7057888018203574291").statusCode());
        }
    }

    private record Answer(int status, String body, Duration took) {
        String outcome() {
            return JsonParser.parseString(body).getAsJsonObject().get("outcome").getAsString();
        }
    }

    private record Round(Answer odd, List<Answer> valid) {
        Duration slowest() {
            return valid.stream().map(Answer::took).max(Duration::compareTo).orElseThrow();
        }
    }

    /** The odd event (if any) and 50 valid feedback of the app, all sent at once. */
    private static Round round(URI service, Hostile odd, String app) throws Exception {
        List<LarkWire.Request> valid = new ArrayList<>();
        for (int i = 0; i < VALID_BESIDE; i++) {
            JsonObject event = LarkFixtures.json(LarkFixtures.FEEDBACK_CREATED);
            String id = UUID.randomUUID().toString();
            event.getAsJsonObject("header").addProperty("event_id", id);
            event.getAsJsonObject("event").addProperty("feedback_id", id);
            event.getAsJsonObject("event").addProperty("app_id", app);
            valid.add(LarkWire.signed(event.toString(), ENCRYPT_KEY));
        }
        CompletableFuture<Answer> oddAnswer = odd == null ? null : send(service, odd.json());
        List<CompletableFuture<Answer>> validAnswers = valid.stream().map(r -> post(service, r)).toList();
        List<Answer> answers = new ArrayList<>();
        for (CompletableFuture<Answer> a : validAnswers) {
            answers.add(a.get(30, TimeUnit.SECONDS));
        }
        return new Round(oddAnswer == null ? null : oddAnswer.get(30, TimeUnit.SECONDS), answers);
    }

    private static CompletableFuture<Answer> send(URI service, String json) {
        return post(service, LarkWire.signed(json, ENCRYPT_KEY));
    }

    private static CompletableFuture<Answer> post(URI service, LarkWire.Request request) {
        HttpRequest.Builder post = HttpRequest.newBuilder(service.resolve("/webhook/event"))
                .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofByteArray(request.body()));
        request.headers().forEach(post::header);
        long start = System.nanoTime();
        return Http.CLIENT.sendAsync(post.build(), HttpResponse.BodyHandlers.ofString())
                .thenApply(r -> new Answer(r.statusCode(), r.body(), Duration.ofNanos(System.nanoTime() - start)));
    }

    private static Path jar() {
        Path jar = Path.of("target", "lark-app-inbox.jar");
        assertTrue(Files.isRegularFile(jar), "package builds " + jar.toAbsolutePath());
        return jar;
    }
}
