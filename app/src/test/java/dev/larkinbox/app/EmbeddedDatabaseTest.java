package dev.larkinbox.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.larkinbox.domain.event.Delivery;
import dev.larkinbox.domain.event.Transport;
import dev.larkinbox.domain.inbox.BrowseFeedback;
import dev.larkinbox.inbound.lark.LarkEventIntake;
import dev.larkinbox.inbound.lark.fixtures.LarkFixtures;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.context.exceptions.ConfigurationException;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith({SharedInbox.class, SharedInbox.OnRestartablePostgres.class})
class EmbeddedDatabaseTest {

    private static Map<String, Object> config(Path dataDir) {
        return Map.of("micronaut.server.port", -1, "inbox.data-dir", dataDir.toString());
    }

    @Test
    void withoutADatabaseUrlTheServiceStartsItsOwnPostgresAndIsHealthy() {
        RunningInbox inbox = SharedInbox.inbox();
        HttpResponse<String> health = Http.get(SharedInbox.management().resolve("/health"));

        assertTrue(inbox.usesEmbeddedPostgres());
        assertTrue(Files.exists(SharedInbox.dataDir().resolve("pg/postmaster.pid")), "its data in inbox.data-dir");
        assertEquals(200, health.statusCode(), health.body());
        assertTrue(health.body().contains("\"status\":\"UP\""), health.body());
        assertTrue(health.body().contains("\"database\":{\"name\":\"lark-app-inbox\",\"status\":\"UP\""),
                "the database is part of the health: " + health.body());
        assertTrue(health.body().contains("\"location\":\"embedded\""), health.body());
        assertFalse(health.body().contains("jdbc:"), "no JDBC URL: an external one may hold credentials");
    }

    @Test
    void theServicesOwnDatabaseCommitsToDiskSoAnAcknowledgedEventSurvivesAPowerLoss() throws SQLException {
        try (Connection c = DelegatingDataSource.unwrapDataSource(SharedInbox.inbox().context()
                     .getBean(DataSource.class)).getConnection();
             Statement s = c.createStatement()) {
            for (String setting : List.of("fsync", "synchronous_commit", "full_page_writes")) {
                try (ResultSet rs = s.executeQuery("SHOW " + setting)) {
                    rs.next();
                    assertEquals("on", rs.getString(1), setting);
                }
            }
        }
    }

    @Test
    void aTakenPortStopsTheStartWithOneClearLineAndLeavesNoDatabaseRunning(@TempDir Path dataDir) throws IOException {
        try (ServerSocket taken = new ServerSocket(0)) {
            Map<String, Object> config = Map.of("micronaut.server.port", taken.getLocalPort(),
                    "inbox.data-dir", dataDir.toString());

            ConfigurationException e = assertThrows(ConfigurationException.class, () -> RunningInbox.start(config));

            assertEquals("port " + taken.getLocalPort() + " is already in use; set micronaut.server.port "
                    + "(MICRONAUT_SERVER_PORT) to a free one", e.getMessage());
            assertFalse(Files.exists(dataDir.resolve("pg/postmaster.pid")), "the embedded PostgreSQL was stopped");
        }
    }

    @Test
    void withADatabaseUrlItUsesThatDatabaseAndStartsNone() {
        RunningInbox inbox = SharedInbox.onRestartablePostgres();
        HttpResponse<String> health = new InboxApi(inbox.uri()).get("/health");

        assertFalse(inbox.usesEmbeddedPostgres());
        assertEquals(200, health.statusCode(), health.body());
        assertTrue(health.body().contains("\"location\":\"external\""), health.body());
        assertFalse(Files.exists(SharedInbox.onRestartablePostgresDataDir().resolve("pg")),
                "no embedded database was created");
    }

    @Test
    void aBadSettingStopsTheStartWithOneLineNamingThePropertyAndWhatIsAllowed(@TempDir Path dataDir) {
        Map<String, Map<String, Object>> bad = new java.util.LinkedHashMap<>();
        bad.put("lark.mode (LARK_MODE) must be one of webhook, ws, both, was 'websocket'", Map.of("lark.mode", "websocket"));
        bad.put("lark.api-timeout (LARK_API_TIMEOUT) must be a duration such as 10s, 500ms or 2m, was 'soon'", Map.of("lark.api-timeout", "soon"));
        bad.put("inbox.recovery.days (INBOX_RECOVERY_DAYS) must be greater than or equal to 1, was '0'", Map.of("inbox.recovery.days", "0"));
        bad.put("inbox.recovery.days (INBOX_RECOVERY_DAYS) must be a whole number, was 'three'", Map.of("inbox.recovery.days", "three"));
        bad.forEach((expected, setting) -> {
            Map<String, Object> config = new java.util.HashMap<>(setting);
            config.putAll(Map.of("micronaut.server.port", -1, "inbox.data-dir", dataDir.toString()));

            ConfigurationException e = assertThrows(ConfigurationException.class, () -> RunningInbox.start(config));

            assertEquals(expected, e.getMessage());
        });
    }

    /**
     * README's backup and restore, with the PostgreSQL client tools an operator has (pg_dump and pg_restore of
     * PostgreSQL 14 or newer on the PATH): the dump of a running service (the shared one), restored into a fresh
     * data directory.
     */
    @Test
    @ExtendWith(PostgresClientAvailable.class)
    void aBackupIsRestoredIntoAFreshDataDirectoryWithTheCommandsReadmeGives(@TempDir Path freshDir,
            @TempDir Path backups) throws Exception {
        Path dump = backups.resolve("inbox.dump");
        String feedbackId = WorkTheInboxTest.uid();
        String event = LarkFixtures.feedback("ev_" + feedbackId, feedbackId);
        assertEquals(Delivery.NEW, SharedInbox.inbox().context().getBean(LarkEventIntake.class)
                .accept(event, Transport.WEBHOOK).delivery());

        operator(SharedInbox.dataDir(), "pg_dump", "-Fc", "-f", dump.toString(), "postgres");
        try (RunningInbox fresh = RunningInbox.start(config(freshDir))) {
            assertFalse(fresh.context().getBean(BrowseFeedback.class).find(feedbackId).isPresent());

            operator(freshDir, "pg_restore", "--clean", "--if-exists", "--single-transaction", "--exit-on-error",
                    "-d", "postgres", dump.toString());
        }

        try (RunningInbox restored = RunningInbox.start(config(freshDir))) {
            assertTrue(restored.context().getBean(BrowseFeedback.class).find(feedbackId).isPresent());
            assertEquals(Delivery.DUPLICATE, restored.context().getBean(LarkEventIntake.class)
                    .accept(event, Transport.WEBHOOK).delivery());
        }
    }

    /** A client tool run as README says: the superuser, the password from the file, the port from postmaster.pid. */
    private static void operator(Path dataDir, String tool, String... arguments) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(tool, "-h", "127.0.0.1",
                "-p", Files.readAllLines(dataDir.resolve("pg/postmaster.pid")).get(3).trim(), "-U", "postgres"));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("PGPASSWORD", Files.readString(dataDir.resolve("pg-password")).strip());
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new AssertionError(tool + " of PostgreSQL 14 or newer is needed on the PATH (Debian: "
                    + "apt-get install postgresql-client)", e);
        }
        String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(0, process.waitFor(), tool + ": " + output);
    }

    @Test
    void theStartLineNamesTheDatabaseWithoutItsCredentials() {
        assertEquals("db.example.com:5433/inbox",
                RunningInbox.where("jdbc:postgresql://db.example.com:5433/inbox?user=u&password=secret"));
    }
}
