package dev.larkinbox.inbound.http.access;

import static dev.larkinbox.inbound.http.support.ErrorAssertions.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import dev.larkinbox.inbound.http.support.LogCapture;
import dev.larkinbox.inbound.http.support.TestServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Without inbox.api-token the service makes one at start, so that the API can be used at all, and writes it to a
 * file only its user may read: a log is read by more people, and kept longer, than the token should be.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class GeneratedApiTokenTest {

    @Test
    void a_generated_token_is_written_to_a_file_of_the_data_dir_for_its_user_alone_and_never_logged(
            @TempDir Path dataDir) throws IOException {
        Path file = dataDir.resolve("api-token");
        Files.writeString(file, "a token of an earlier start\n"); // replaced, not written into
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        try (LogCapture log = LogCapture.start();
             TestServer server = TestServer.start(Map.of("lark.verification-token", "vt",
                     "inbox.data-dir", dataDir.toString()))) {

            String token = Files.readString(file).strip();
            assertEquals(43, token.length(), "32 random bytes, base64url");
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
            List<String> lines = log.lines(Level.INFO).stream()
                    .filter(line -> line.contains("inbox.api-token (INBOX_API_TOKEN) is not set")).toList();
            assertEquals(1, lines.size(), lines.toString());
            // the line says where the token is, and how it begins, to tell two apart
            assertTrue(lines.get(0).contains(file.toAbsolutePath().normalize().toString()), lines.get(0));
            assertTrue(lines.get(0).contains("a new one at every start"), lines.get(0));
            assertTrue(lines.get(0).contains("beginning " + token.substring(0, 4)), lines.get(0));

            assertEquals(200, server.get("/api/feedback", "Bearer " + token).status());
            assertError(server.get("/api/feedback", "Bearer " + TestServer.API_TOKEN), 401, "wrong-api-token");
            assertFalse(log.lines(Level.TRACE).stream().anyMatch(line -> line.contains(token)), "never logged");
        }
    }
}
