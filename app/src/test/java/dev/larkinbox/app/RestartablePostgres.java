package dev.larkinbox.app;

import dev.larkinbox.outbound.db.postgres.EmbeddedPostgresServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A PostgreSQL the service uses as its external database, which a test can stop and start again at the same
 * address, as an operator's database restarts under a running service.
 */
final class RestartablePostgres implements AutoCloseable {
    private final Path dir;
    private final int port;
    private EmbeddedPostgresServer server;

    private RestartablePostgres(Path dir, int port) {
        this.dir = dir;
        this.port = port;
        this.server = EmbeddedPostgresServer.start(dir, port, EmbeddedPostgresServer.Commits.FAST);
    }

    static RestartablePostgres start() {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            return new RestartablePostgres(Files.createTempDirectory("inbox-app-pg"), port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The service's configuration for this database. */
    Map<String, Object> datasource() {
        return Map.of("datasources.default.url", server.jdbcUrl(),
                "datasources.default.username", server.username(),
                "datasources.default.password", server.password());
    }

    /** The same, as the environment of a service in a JVM of its own ({@link ServiceProcess}). */
    Map<String, String> environment() {
        return Map.of("DATASOURCES_DEFAULT_URL", server.jdbcUrl(),
                "DATASOURCES_DEFAULT_USERNAME", server.username(),
                "DATASOURCES_DEFAULT_PASSWORD", server.password());
    }

    void stop() {
        server.close();
    }

    void startAgain() {
        server = EmbeddedPostgresServer.start(dir, port, EmbeddedPostgresServer.Commits.FAST);
    }

    @Override
    public void close() {
        server.close();
    }
}
