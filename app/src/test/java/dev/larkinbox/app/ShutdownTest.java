package dev.larkinbox.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.larkinbox.inbound.lark.fixtures.LarkFixtures;
import dev.larkinbox.inbound.ws.gateway.ClientPolicy;
import dev.larkinbox.inbound.ws.gateway.LarkGateway;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The service as an operator runs it: its own process, configured by its environment, stopped by SIGTERM. */
class ShutdownTest {

    @Test
    void sigtermStopsTheServiceAndItsDatabaseWithinTenSeconds(@TempDir Path dir) throws Exception {
        try (Service service = Service.start(dir, Map.of())) {
            service.stopWithSigterm();

            assertFalse(Files.exists(dir.resolve("data/pg/postmaster.pid")), "PostgreSQL was left running");
            List<String> lines = Files.readAllLines(service.log);
            assertEquals(1, lines.stream().filter(l -> l.contains("listening on port " + service.port)
                    && l.contains("embedded PostgreSQL") && l.contains("mode: webhook")).count(), String.join("\n", lines));
        }
    }

    @Test
    void inWsModeEveryEventIsStoredOnceThroughDropsAndCloseFramesAndSigtermClosesTheConnection(@TempDir Path dir)
            throws Exception {
        try (LarkGateway gateway = LarkGateway.start("cli_shutdown", "shutdown-secret")) {
            gateway.policy(ClientPolicy.FAST);
            try (Service service = Service.start(dir, Map.of("LARK_MODE", "ws", "LARK_APP_ID", "cli_shutdown",
                    "LARK_APP_SECRET", "shutdown-secret", "LARK_DOMAIN", gateway.domain().toString(),
                    "INBOX_API_TOKEN", InboxApi.TOKEN))) {
                for (int i = 0; i < 200; i++) {
                    String event = LarkFixtures.feedback("ev-" + i, "fb-" + i);
                    gateway.publish(event, i % 10 == 0 ? 3 : 1);
                    if (i % 50 == 0) {
                        gateway.publish(event); // a duplicate delivery
                    }
                    if (i == 70) {
                        gateway.dropConnections();
                    }
                    if (i == 140) {
                        gateway.closeConnections(1001, "going away");
                    }
                }
                assertTrue(gateway.awaitDelivered(Duration.ofSeconds(60)), gateway::summary);
                assertEquals(200, new InboxApi(service.uri()).all("/api/feedback", "").size());

                service.stopWithSigterm();

                assertTrue(gateway.clientCloseCodes().contains(1000), "closed with a Close frame: " + gateway.summary());
            }
        }
    }

    /** The service in a JVM of its own, with the production logging configuration. */
    private static final class Service implements AutoCloseable {
        final Process process;
        final Path log;
        final int port;

        private Service(Process process, Path log, int port) {
            this.process = process;
            this.log = log;
            this.port = port;
        }

        static Service start(Path dir, Map<String, String> env) throws IOException, InterruptedException {
            int port = freePort();
            Path log = dir.resolve("out.log");
            ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Dlogback.configurationFile=logback.xml",
                    "-cp", System.getProperty("java.class.path"), InboxApplication.class.getName())
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().remove("DATASOURCES_DEFAULT_URL");
            builder.environment().put("INBOX_DATA_DIR", dir.resolve("data").toString());
            builder.environment().put("MICRONAUT_SERVER_PORT", String.valueOf(port));
            builder.environment().putAll(env);
            Service service = new Service(builder.start(), log, port);
            service.awaitHealthy();
            return service;
        }

        URI uri() {
            return URI.create("http://127.0.0.1:" + port);
        }

        void stopWithSigterm() throws InterruptedException {
            Instant asked = Instant.now();
            process.destroy(); // SIGTERM
            assertTrue(process.waitFor(10, TimeUnit.SECONDS), "still running 10 s after SIGTERM");
            Duration took = Duration.between(asked, Instant.now());
            assertTrue(took.toMillis() < 10_000, "stopped in " + took);
        }

        private void awaitHealthy() throws InterruptedException {
            Instant deadline = Instant.now().plusSeconds(90);
            while (Instant.now().isBefore(deadline)) {
                assertTrue(process.isAlive(), "the service exited during start");
                try {
                    if (Http.get(uri().resolve("/health")).statusCode() == 200) {
                        return;
                    }
                } catch (UncheckedIOException notYet) {
                    // not listening yet
                }
                Thread.sleep(200);
            }
            throw new AssertionError("not healthy within 90 s");
        }

        @Override
        public void close() {
            process.destroyForcibly();
        }

        private static int freePort() {
            try (ServerSocket socket = new ServerSocket(0)) {
                return socket.getLocalPort();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
