package dev.larkinbox.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.larkinbox.inbound.http.support.LarkWire;
import dev.larkinbox.inbound.lark.fixtures.LarkFixtures;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runnable jar itself, started as the README starts it (after {@code package}: the tests before it run on
 * the test classpath, which can hold what the jar lacks).
 */
class PackagedJarIT {
    private static final String ENCRYPT_KEY = "jar-encrypt-key";
    private static final String TOKEN = "rvaYgkND1GOiu5MM0E1rncYC6PLtF7JV"; // the fixtures' token

    @Test
    void theJarRunsOnItsOwnDatabaseTakesASignedEventServesItAndStopsOnSigterm(@TempDir Path dir) throws Exception {
        Path jar = Path.of("target", "lark-app-inbox.jar");
        assertTrue(Files.isRegularFile(jar), "package builds " + jar.toAbsolutePath());

        try (ServiceProcess service = ServiceProcess.fromJar(jar, dir, Map.of("LARK_ENCRYPT_KEY", ENCRYPT_KEY,
                "LARK_VERIFICATION_TOKEN", TOKEN, "INBOX_API_TOKEN", InboxApi.TOKEN))) {
            LarkWire.Request request = LarkWire.signed(LarkFixtures.text(LarkFixtures.FEEDBACK_CREATED), ENCRYPT_KEY);
            HttpRequest.Builder post = HttpRequest.newBuilder(service.uri().resolve("/webhook/event"))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(request.body()));
            request.headers().forEach(post::header);
            HttpResponse<String> taken = Http.send(post.build());
            InboxApi api = new InboxApi(service.uri());
            HttpResponse<String> openApi = Http.get(service.uri().resolve("/swagger/lark-app-inbox.yml"));

            assertEquals(200, taken.statusCode(), taken.body());
            assertEquals("P1", api.json("/api/feedback/7057888018203574291").get("priority").getAsString());
            assertEquals(200, openApi.statusCode());
            assertTrue(openApi.body().contains("/api/feedback/{feedback_id}/history"), openApi.body());

            service.stopWithSigterm();
        }
    }
}
