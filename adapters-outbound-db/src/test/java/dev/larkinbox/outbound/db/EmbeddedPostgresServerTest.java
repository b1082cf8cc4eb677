package dev.larkinbox.outbound.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.larkinbox.outbound.db.postgres.DataDirectoryInUseException;
import dev.larkinbox.outbound.db.postgres.EmbeddedPostgresServer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/** Each test has a server and a data directory of its own: they run side by side, as much of their time is waiting. */
@Execution(ExecutionMode.CONCURRENT)
class EmbeddedPostgresServerTest {

    @Test
    void dataWrittenBeforeARestartIsThereAfterIt(@TempDir Path dataDir) throws SQLException {
        try (var server = EmbeddedPostgresServer.start(dataDir);
             Connection c = connect(server);
             Statement s = c.createStatement()) {
            s.execute("CREATE TABLE kept (note text)");
            s.execute("INSERT INTO kept VALUES ('still here')");
        }

        try (var server = EmbeddedPostgresServer.start(dataDir);
             Connection c = connect(server);
             Statement s = c.createStatement()) {
            assertEquals("still here", first(s, "SELECT note FROM kept"));
        }
    }

    @Test
    void commitsReachTheDiskAndOnlyLocalClientsCanConnect(@TempDir Path dataDir) throws SQLException {
        try (var server = EmbeddedPostgresServer.start(dataDir);
             Connection c = connect(server);
             Statement s = c.createStatement()) {
            assertEquals("on", first(s, "SHOW fsync"));
            assertEquals("on", first(s, "SHOW synchronous_commit"));
            assertEquals("on", first(s, "SHOW full_page_writes"));
            assertEquals("127.0.0.1", first(s, "SHOW listen_addresses"));
        }
    }

    @Test
    void aDirectoryInUseIsRefusedWithAClearErrorAndTheRunningServerKeepsServing(@TempDir Path dataDir)
            throws SQLException {
        try (var server = EmbeddedPostgresServer.start(dataDir)) {
            DataDirectoryInUseException e = assertThrows(DataDirectoryInUseException.class,
                    () -> EmbeddedPostgresServer.start(dataDir));

            assertTrue(e.getMessage().contains("used by another running lark-app-inbox"), e.getMessage());
            try (Connection c = connect(server); Statement s = c.createStatement()) {
                assertEquals("1", first(s, "SELECT 1"));
            }
        }
    }

    @Test
    void aServerThatDiesIsStartedAgainOnItsPortWithItsCommittedData(@TempDir Path dataDir) throws Exception {
        try (var server = EmbeddedPostgresServer.start(dataDir)) {
            server.watch(Duration.ofMillis(200));
            try (Connection c = connect(server); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE kept (note text)");
                s.execute("INSERT INTO kept VALUES ('committed before the crash')");
            }
            long pid = Long.parseLong(Files.readAllLines(dataDir.resolve("pg/postmaster.pid")).get(0).trim());
            Instant killed = Instant.now();

            new ProcessBuilder("kill", "-9", String.valueOf(pid)).start().waitFor();

            // refused until the watch has started it again
            String note = Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                    .ignoreExceptionsInstanceOf(SQLException.class).until(() -> {
                        try (Connection c = connect(server); Statement s = c.createStatement()) {
                            return first(s, "SELECT note FROM kept");
                        }
                    }, Objects::nonNull);
            assertEquals("committed before the crash", note);
            assertTrue(Duration.between(killed, Instant.now()).getSeconds() < 15,
                    "serving again " + Duration.between(killed, Instant.now()) + " after the kill");
        }
    }

    @Test
    void aServerLeftRunningByACrashedRunIsStoppedAndTheStartSucceeds(@TempDir Path dataDir) throws Exception {
        Process crashing = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), HoldADatabase.class.getName(), dataDir.toString())
                .redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(crashing.getInputStream()))) {
            while (!"ready".equals(out.readLine())) {
                assertTrue(crashing.isAlive(), "the first run started");
            }
        }
        ProcessHandle orphan = ProcessHandle.of(Long.parseLong(
                Files.readAllLines(dataDir.resolve("pg/postmaster.pid")).get(0).trim())).orElseThrow();
        // its watchdog too, as if the machine had lost both: the server is left behind
        crashing.descendants().filter(p -> p.info().command().map(c -> c.endsWith("sh")).orElse(false))
                .forEach(ProcessHandle::destroyForcibly);
        crashing.destroyForcibly().waitFor();
        assertTrue(orphan.isAlive(), "an orphaned server holds the directory");
        Instant asked = Instant.now();

        try (var server = EmbeddedPostgresServer.start(dataDir);
             Connection c = connect(server);
             Statement s = c.createStatement()) {
            Duration took = Duration.between(asked, Instant.now());
            assertEquals("1", first(s, "SELECT 1"));
            assertTrue(!orphan.isAlive(), "the orphan was stopped");
            assertTrue(took.getSeconds() < 15, "started in " + took);
        }
    }

    @Test
    void noOneConnectsWithoutThePasswordNotEvenTheSuperuser(@TempDir Path dataDir) throws Exception {
        try (var server = EmbeddedPostgresServer.start(dataDir)) {
            // psql -h 127.0.0.1 -U postgres, as it worked when the server trusted local connections
            SQLException noPassword = assertThrows(SQLException.class,
                    () -> DriverManager.getConnection(server.jdbcUrl(), "postgres", null).close());
            SQLException wrongPassword = assertThrows(SQLException.class,
                    () -> DriverManager.getConnection(server.jdbcUrl(), "postgres", "guessed").close());
            SQLException serviceWithout = assertThrows(SQLException.class,
                    () -> DriverManager.getConnection(server.jdbcUrl(), server.username(), null).close());

            assertTrue(noPassword.getMessage().contains("password"), noPassword.getMessage());
            assertEquals("28P01", wrongPassword.getSQLState(), "invalid password");
            assertTrue(serviceWithout.getMessage().contains("password"), serviceWithout.getMessage());
            // an operator's connection, with the password of the file README names
            try (Connection c = DriverManager.getConnection(server.jdbcUrl(), "postgres",
                    Files.readString(dataDir.resolve("pg-password")).strip());
                 Statement s = c.createStatement()) {
                assertEquals("t", first(s, "SELECT rolsuper FROM pg_roles WHERE rolname = current_user"));
            }
            assertTrue(Files.readAllLines(dataDir.resolve("pg/pg_hba.conf")).stream()
                    .noneMatch(line -> !line.startsWith("#") && line.contains("trust")), "no trust line");
        }
    }

    @Test
    void theServicesRoleOwnsItsTablesButIsNoSuperuserAndRunsNoProgram(@TempDir Path dataDir) throws Exception {
        Path planted = dataDir.resolve("planted");
        try (var server = EmbeddedPostgresServer.start(dataDir);
             Connection c = connect(server);
             Statement s = c.createStatement()) {
            s.execute("CREATE TABLE owned (note text)");
            assertEquals("inbox", first(s, "SELECT tableowner FROM pg_tables WHERE tablename = 'owned'"));
            assertEquals("f", first(s, "SELECT rolsuper OR rolcreaterole OR rolcreatedb FROM pg_roles "
                    + "WHERE rolname = current_user"));

            SQLException refused = assertThrows(SQLException.class,
                    () -> s.execute("COPY (SELECT 1) TO PROGRAM 'touch " + planted + "'"));

            assertEquals("42501", refused.getSQLState(), "insufficient privilege: " + refused.getMessage());
            assertFalse(Files.exists(planted), "no program ran");
        }
    }

    @Test
    void thePasswordFilesAreTheServiceUsersAloneAndAFileOthersMayReadIsRefused(@TempDir Path dataDir)
            throws Exception {
        try (var server = EmbeddedPostgresServer.start(dataDir)) {
            assertEquals("rw-------", PosixFilePermissions.toString(
                    Files.getPosixFilePermissions(dataDir.resolve("pg-password"))));
            assertEquals("rw-------", PosixFilePermissions.toString(
                    Files.getPosixFilePermissions(dataDir.resolve("pg-inbox-password"))));
            assertTrue(server.password().length() >= 32, "a long random password");
        }
        Files.setPosixFilePermissions(dataDir.resolve("pg-password"), PosixFilePermissions.fromString("rw-r--r--"));

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> EmbeddedPostgresServer.start(dataDir));

        assertTrue(e.getMessage().contains("chmod 600 " + dataDir.resolve("pg-password")), e.getMessage());
        assertFalse(Files.exists(dataDir.resolve("pg/postmaster.pid")), "no server started");

        Files.setPosixFilePermissions(dataDir.resolve("pg-password"), PosixFilePermissions.fromString("rw-------"));
        Files.writeString(dataDir.resolve("pg-inbox-password"), "\n");
        IllegalStateException empty = assertThrows(IllegalStateException.class,
                () -> EmbeddedPostgresServer.start(dataDir));
        assertTrue(empty.getMessage().contains("pg-inbox-password is empty"), empty.getMessage());
    }

    @Test
    void aLostPasswordFileGetsANewPasswordAtTheNextStartAndTheDataStays(@TempDir Path dataDir) throws Exception {
        String before;
        try (var server = EmbeddedPostgresServer.start(dataDir);
             Connection c = connect(server);
             Statement s = c.createStatement()) {
            before = server.password();
            s.execute("CREATE TABLE kept (note text)");
            s.execute("INSERT INTO kept VALUES ('still here')");
        }
        Files.delete(dataDir.resolve("pg-inbox-password"));

        try (var server = EmbeddedPostgresServer.start(dataDir);
             Connection c = connect(server);
             Statement s = c.createStatement()) {
            assertNotEquals(before, server.password());
            assertEquals("still here", first(s, "SELECT note FROM kept"));
            SQLException oldPassword = assertThrows(SQLException.class,
                    () -> DriverManager.getConnection(server.jdbcUrl(), server.username(), before).close());
            assertEquals("28P01", oldPassword.getSQLState());
        }
    }

    private static String first(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static Connection connect(EmbeddedPostgresServer server) throws SQLException {
        return DriverManager.getConnection(server.jdbcUrl(), server.username(), server.password());
    }
}
