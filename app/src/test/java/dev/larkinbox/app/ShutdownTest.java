package dev.larkinbox.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.larkinbox.inbound.lark.fixtures.LarkFixtures;
import dev.larkinbox.inbound.ws.gateway.ClientPolicy;
import dev.larkinbox.inbound.ws.gateway.LarkGateway;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The service as an operator runs it: its own process, configured by its environment, stopped by SIGTERM. */
class ShutdownTest {

    @Test
    void sigtermStopsTheServiceWithinTenSecondsBeforeItsDatabaseSoNoWriteUnderWayMeetsAStoppedServer(
            @TempDir Path dir) throws Exception {
        // a grouping round every few milliseconds: one is under way whenever the stop comes
        try (ServiceProcess service = ServiceProcess.fromClasspath(dir, Map.of("INBOX_PROBLEMS_GROUP_INTERVAL",
                "5ms", "LARK_WEBHOOK_ALLOW_UNVERIFIED", "true", "INBOX_API_TOKEN", InboxApi.TOKEN))) {
            for (int i = 0; i < 20; i++) {
                assertEquals(200, Http.postJson(service.uri().resolve("/webhook/event"),
                        LarkFixtures.feedback("ev-stop-" + i, "fb-stop-" + i)).statusCode());
            }

            service.stopWithSigterm();

            assertFalse(Files.exists(dir.resolve("data/pg/postmaster.pid")), "PostgreSQL was left running");
            List<String> lines = Files.readAllLines(service.log);
            assertEquals(1, lines.stream().filter(l -> l.contains("listening on port " + service.port)
                    && l.contains("embedded PostgreSQL") && l.contains("mode: webhook")).count(),
                    String.join("\n", lines));
            assertEquals(List.of(), lines.stream().filter(l -> l.contains(" WARN ") || l.contains(" ERROR "))
                    .filter(l -> !l.contains("allow-unverified")).toList());
            assertTrue(lines.stream().anyMatch(l -> l.contains("lark-app-inbox stopped")), String.join("\n", lines));
        }
    }

    @Test
    void inWsModeEveryEventIsStoredOnceThroughDropsAndCloseFramesAndSigtermClosesTheConnection(@TempDir Path dir)
            throws Exception {
        try (LarkGateway gateway = LarkGateway.start("cli_shutdown", "shutdown-secret")) {
            gateway.policy(ClientPolicy.FAST);
            try (ServiceProcess service = ServiceProcess.fromClasspath(dir, Map.of("LARK_MODE", "ws",
                    "LARK_APP_ID", "cli_shutdown", "LARK_APP_SECRET", "shutdown-secret",
                    "LARK_DOMAIN", gateway.domain().toString(), "INBOX_API_TOKEN", InboxApi.TOKEN))) {
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
}
