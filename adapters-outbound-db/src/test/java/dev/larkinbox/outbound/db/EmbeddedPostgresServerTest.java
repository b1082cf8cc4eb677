package dev.larkinbox.outbound.db;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.larkinbox.outbound.db.postgres.EmbeddedPostgresServer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT note FROM kept")) {
            rs.next();
            assertEquals("still here", rs.getString(1));
        }
    }

    @Test
    void commitsAreDurableAndOnlyLocalClientsCanConnect(@TempDir Path dataDir) throws SQLException {
        try (var server = EmbeddedPostgresServer.start(dataDir);
             Connection c = connect(server);
             Statement s = c.createStatement()) {
            assertEquals("on", show(s, "synchronous_commit"));
            assertEquals("localhost", show(s, "listen_addresses"));
        }
    }

    private static String show(Statement s, String setting) throws SQLException {
        try (ResultSet rs = s.executeQuery("SHOW " + setting)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static Connection connect(EmbeddedPostgresServer server) throws SQLException {
        return DriverManager.getConnection(server.jdbcUrl(), server.username(), server.password());
    }
}
