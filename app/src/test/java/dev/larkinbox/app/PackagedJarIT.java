package dev.larkinbox.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.larkinbox.inbound.lark.fixtures.LarkFixtures;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runnable jar itself, started as the README starts it (after {@code package}: the tests before it run on
 * the test classpath, which can hold what the jar lacks).
 */
class PackagedJarIT {
    static final String ENCRYPT_KEY = "jar-encrypt-key";
    static final String TOKEN = "rvaYgkND1GOiu5MM0E1rncYC6PLtF7JV"; // the fixtures' token
    static final Path JAR = Path.of("target", "lark-app-inbox.jar");
    /** Where the README's fixtures are, seen from this module. */
    static final Path FIXTURES = Path.of("..", "adapters-inbound-lark", "src", "test", "resources", "fixtures");

    @Test
    void theJarRunsOnItsOwnDatabaseTakesASignedEventServesItAndStopsOnSigterm(@TempDir Path dir) throws Exception {
        Path jar = JAR;
        assertTrue(Files.isRegularFile(jar), "package builds " + jar.toAbsolutePath());

        try (ServiceProcess service = ServiceProcess.fromJar(jar, dir, Map.of("LARK_ENCRYPT_KEY", ENCRYPT_KEY,
                "LARK_VERIFICATION_TOKEN", TOKEN, "INBOX_API_TOKEN", InboxApi.TOKEN))) {
            // as the README sends it: the jar's own command encrypts and signs as Lark does
            String url = service.uri().resolve("/webhook/event").toString();
            String taken = sendEvent(jar, dir, FIXTURES.resolve(LarkFixtures.FEEDBACK_CREATED), url, ENCRYPT_KEY);
            String again = sendEvent(jar, dir, FIXTURES.resolve(LarkFixtures.FEEDBACK_CREATED), url, ENCRYPT_KEY);
            String revoked = sendEvent(jar, dir, FIXTURES.resolve(LarkFixtures.PUBLISH_REVOKE), url, ENCRYPT_KEY);
            InboxApi api = new InboxApi(service.uri());
            HttpResponse<String> openApi = api.get("/swagger/lark-app-inbox.yml");

            assertTrue(taken.startsWith("200 ") && taken.contains("\"duplicate\":false"), taken);
            assertTrue(again.startsWith("200 ") && again.contains("\"duplicate\":true"), again);
            assertTrue(revoked.startsWith("200 ") && revoked.contains("\"duplicate\":false"), revoked);
            assertEquals(1, api.json("/api/revocations").getAsJsonArray("items").size());
            assertEquals("P1", api.json("/api/feedback/7057888018203574291").get("priority").getAsString());
            assertEquals(200, openApi.statusCode());
            assertTrue(openApi.body().contains("/api/feedback/{feedback_id}/history"), openApi.body());

            service.stopWithSigterm();
        }
    }

    @Test
    void sendEventWithoutAFileSaysHowToUseIt(@TempDir Path dir) throws Exception {
        Process process = new ProcessBuilder(java(), "-jar", JAR.toString(), SendEventCommand.NAME)
                .redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        assertEquals(InboxApplication.CONFIGURATION_ERROR, process.exitValue(), out);
        assertTrue(out.startsWith("usage: java -jar lark-app-inbox.jar send-event FILE"), out);
    }

    /** The jar's own send-event, encrypting and signing as Lark does; its last line, the answer. */
    static String sendEvent(Path jar, Path dir, Path fixture, String url, String key) throws Exception {
        Process process = new ProcessBuilder(java(), "-jar", jar.toString(), SendEventCommand.NAME,
                fixture.toString(), "--url", url, "--encrypt-key", key).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "send-event ended");
        assertEquals(0, process.exitValue(), out);
        return out.lines().reduce((first, last) -> last).orElse("");
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
