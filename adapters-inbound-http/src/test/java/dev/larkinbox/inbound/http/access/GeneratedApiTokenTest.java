package dev.larkinbox.inbound.http.access;

import static dev.larkinbox.inbound.http.support.ProblemAssertions.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import dev.larkinbox.inbound.http.support.LogCapture;
import dev.larkinbox.inbound.http.support.TestServer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Without inbox.api-token the service makes one at start and logs it once, so that the API can be used at all. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class GeneratedApiTokenTest {

    @Test
    void a_generated_token_is_logged_once_at_start_and_is_the_only_one_accepted() {
        try (LogCapture log = LogCapture.start();
             TestServer server = TestServer.start(Map.of("lark.verification-token", "vt"))) {

            List<String> lines = log.lines(Level.INFO).stream()
                    .filter(line -> line.contains("inbox.api-token (INBOX_API_TOKEN) is not set")).toList();
            assertEquals(1, lines.size(), lines.toString());
            // the line says it changes at every start, and gives the header to send, ready to copy
            assertTrue(lines.get(0).contains("a new one at every start"), lines.get(0));
            String header = lines.get(0).substring(lines.get(0).indexOf("Authorization: ") + "Authorization: ".length());
            String token = header.substring("Bearer ".length());
            assertTrue(header.startsWith("Bearer "), header);

            assertEquals(200, server.get("/api/feedback", header).status());
            assertProblem(server.get("/api/feedback", "Bearer " + TestServer.API_TOKEN), 401, "wrong-api-token");
            server.get("/api/revocations", "Bearer " + token);
            assertEquals(1, log.lines(Level.INFO).stream().filter(line -> line.contains(token)).count());
        }
    }
}
