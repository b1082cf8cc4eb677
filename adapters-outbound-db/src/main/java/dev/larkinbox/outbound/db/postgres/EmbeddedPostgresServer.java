package dev.larkinbox.outbound.db.postgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * A PostgreSQL server run by this process, for when no external database is configured, and for tests.
 * Its files stay in the data directory, so a second start reuses the data of the first. It listens on
 * localhost only: it trusts every local connection. Commits are durable (synchronous), as events are
 * acknowledged to Lark once committed.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {
    private static final String DATABASE = "postgres";
    private static final String USER = "postgres";

    private final EmbeddedPostgres postgres;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /**
     * Starts PostgreSQL on a free port, creating the database cluster in {@code dataDir} unless one is there.
     *
     * @throws UncheckedIOException when the server cannot start (the directory is in use by another server,
     *                              not writable, ...)
     */
    public static EmbeddedPostgresServer start(Path dataDir) {
        return start(dataDir, 0);
    }

    /**
     * As {@link #start(Path)}, on a given port (0: a free one), so that a server stopped and started again is
     * found at the same URL.
     */
    public static EmbeddedPostgresServer start(Path dataDir, int port) {
        Objects.requireNonNull(dataDir, "dataDir");
        try {
            Files.createDirectories(dataDir);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
            if (port != 0) {
                builder.setPort(port);
            }
            return new EmbeddedPostgresServer(builder
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    .setServerConfig("listen_addresses", "localhost")
                    // zonky turns it off for speed; an acknowledged event must survive a crash
                    .setServerConfig("synchronous_commit", "on")
                    .setPGStartupWait(Duration.ofSeconds(30))
                    .start());
        } catch (IOException e) {
            throw new UncheckedIOException("embedded PostgreSQL did not start in " + dataDir, e);
        }
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + DATABASE;
    }

    public String username() {
        return USER;
    }

    /** Empty: the embedded server trusts local connections. */
    public String password() {
        return "";
    }

    /** Stops the server; its data stays in the data directory. */
    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("embedded PostgreSQL did not stop cleanly", e);
        }
    }
}
