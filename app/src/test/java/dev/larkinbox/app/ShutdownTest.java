package dev.larkinbox.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The service as an operator runs it: its own process, stopped by SIGTERM. */
class ShutdownTest {

    @Test
    void sigtermStopsTheServiceAndItsDatabaseWithinTenSeconds(@TempDir Path dataDir) throws Exception {
        int port = freePort();
        Path log = dataDir.resolve("out.log");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dlogback.configurationFile=logback.xml", // production logging, not the tests'
                "-cp", System.getProperty("java.class.path"), InboxApplication.class.getName())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("INBOX_DATA_DIR", dataDir.resolve("data").toString());
        builder.environment().put("MICRONAUT_SERVER_PORT", String.valueOf(port));
        builder.environment().remove("DATASOURCES_DEFAULT_URL");
        Process process = builder.start();
        try {
            awaitHealthy(URI.create("http://127.0.0.1:" + port + "/health"), process);

            Instant asked = Instant.now();
            process.destroy(); // SIGTERM
            assertTrue(process.waitFor(10, TimeUnit.SECONDS), "still running 10 s after SIGTERM");
            Duration took = Duration.between(asked, Instant.now());

            assertTrue(took.toMillis() < 10_000, "stopped in " + took);
            assertFalse(Files.exists(dataDir.resolve("data/pg/postmaster.pid")), "PostgreSQL was left running");
            List<String> lines = Files.readAllLines(log);
            assertEquals(1, lines.stream().filter(l -> l.contains("listening on port " + port)
                    && l.contains("embedded PostgreSQL") && l.contains("mode: webhook")).count(), String.join("\n", lines));
        } finally {
            process.destroyForcibly();
        }
    }

    private static void awaitHealthy(URI health, Process process) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(90);
        while (Instant.now().isBefore(deadline)) {
            assertTrue(process.isAlive(), "the service exited during start");
            try {
                if (Http.get(health).statusCode() == 200) {
                    return;
                }
            } catch (UncheckedIOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new AssertionError("not healthy within 90 s");
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
