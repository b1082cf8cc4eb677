package dev.larkinbox.outbound.db.postgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL server run by this process, for when no external database is configured, and for tests.
 * Its files stay in the data directory ({@code pg/}, and the passwords beside it, see {@link ClusterAccess}), so
 * a second start reuses the data of the first. It listens on 127.0.0.1 only, and every connection needs a
 * password; the service connects as a role that is no superuser.
 *
 * <p>It cannot outlive this JVM: a watchdog process stops it when the JVM is gone (kill -9, OOM killer), and
 * a start finding a server of an earlier, dead run on its directory stops that one first. It can be
 * {@linkplain #watch(Duration) watched}: when it dies it is started again on the same port and data, and
 * PostgreSQL's crash recovery replays its WAL.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    private static final String DATABASE = "postgres";
    /** Directories this JVM runs a server on: probing zonky's lock from a second channel would release it. */
    private static final Set<Path> IN_USE_HERE = ConcurrentHashMap.newKeySet();

    /** How commits reach the disk. */
    public enum Commits {
        /** fsync, synchronous commit, full pages: an acknowledged event survives a power loss. The service's. */
        DURABLE,
        /** zonky's test setting (no fsync): for throwaway test databases only. */
        FAST
    }

    /** The database cluster: {@code <data dir>/pg}. */
    private final Path dataDir;
    private final Path key;
    private final Commits commits;
    private final ClusterAccess access;
    private volatile EmbeddedPostgres postgres;
    private volatile ProcessHandle postmaster;
    private volatile Process watchdog;
    private volatile Thread watcher;
    private volatile boolean closed;

    private EmbeddedPostgresServer(Path dataDir, Path key, Commits commits, ClusterAccess access) {
        this.dataDir = dataDir;
        this.key = key;
        this.commits = commits;
        this.access = access;
    }

    /** Starts a durable server on a free port (see {@link #start(Path, int, Commits)}). */
    public static EmbeddedPostgresServer start(Path dataDir) {
        return start(dataDir, 0, Commits.DURABLE);
    }

    /**
     * Starts PostgreSQL on a port (0: a free one; a fixed one finds a server stopped and started again at the
     * same URL), creating the database cluster in {@code <dataDir>/pg} unless one is there, and the passwords in
     * {@code <dataDir>/pg-password} (the superuser's) and {@code <dataDir>/pg-inbox-password} (the service's)
     * unless they are there. A cluster that trusted local connections is converted: see {@link ClusterAccess}.
     *
     * @throws DataDirectoryInUseException when a running server of another process uses the directory
     * @throws UncheckedIOException        when the server cannot start (directory not writable, ...)
     */
    public static EmbeddedPostgresServer start(Path dataDir, int port, Commits commits) {
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(commits, "commits");
        Path cluster = dataDir.resolve("pg");
        Path key = cluster.toAbsolutePath().normalize();
        if (!IN_USE_HERE.add(key)) {
            throw new DataDirectoryInUseException(key);
        }
        try {
            Files.createDirectories(cluster);
            Orphans.stopAnOrphan(key);
            EmbeddedPostgresServer server = new EmbeddedPostgresServer(cluster, key, commits, new ClusterAccess(dataDir));
            server.run(port, Duration.ofSeconds(30));
            return server;
        } catch (IOException e) {
            IN_USE_HERE.remove(key);
            throw new UncheckedIOException("embedded PostgreSQL did not start in " + dataDir, e);
        } catch (RuntimeException e) {
            IN_USE_HERE.remove(key);
            throw e;
        }
    }

    private void run(int port, Duration startupWait) throws IOException {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
        if (port != 0) {
            builder.setPort(port);
        }
        builder.setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .setPgBinaryResolver(PostgresBinaries.INSTANCE)
                .setOverrideWorkingDirectory(PostgresBinaries.INSTANCE.workingDirectory().toFile())
                .setDataDirectoryCustomizer(access::prepare)
                // zonky checks that the server is up by connecting as the superuser
                .setConnectConfig("password", access.superuserPassword())
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("password_encryption", "scram-sha-256")
                .setPGStartupWait(startupWait);
        if (commits == Commits.DURABLE) {
            // zonky starts the server with -F (fsync off); a later -c wins: an acknowledged event must survive
            builder.setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on");
        }
        postgres = builder.start();
        postmaster = PostmasterFile.read(key).map(PostmasterFile::pid).flatMap(ProcessHandle::of)
                .orElseThrow(() -> new IOException("embedded PostgreSQL started but wrote no postmaster.pid"));
        watchdog = startWatchdog(postmaster.pid());
    }

    /**
     * A shell that stops the server (fast, then immediate shutdown) once this JVM is gone, and ends when the
     * server does: postgres is started detached by pg_ctl, so the kernel would leave it running.
     */
    private static Process startWatchdog(long postmasterPid) {
        long jvm = ProcessHandle.current().pid();
        String script = "while kill -0 " + jvm + " 2>/dev/null && kill -0 " + postmasterPid + " 2>/dev/null;"
                + " do sleep 1; done;"
                + " kill -0 " + postmasterPid + " 2>/dev/null || exit 0;"
                + " kill -INT " + postmasterPid + ";"
                + " for i in 1 2 3 4 5 6 7 8 9 10; do kill -0 " + postmasterPid + " 2>/dev/null || exit 0; sleep 1; done;"
                + " kill -QUIT " + postmasterPid;
        try {
            return new ProcessBuilder("sh", "-c", script)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (IOException e) {
            LOG.warn("no watchdog for the embedded PostgreSQL (sh not found): a kill -9 of this process leaves it "
                    + "running until the next start stops it");
            return null;
        }
    }

    /**
     * Checks every {@code interval} that the server runs, and starts it again on the same port and data when
     * it died. Returns at once; the checks end with {@link #close()}.
     */
    public void watch(Duration interval) {
        Thread thread = new Thread(() -> keepRunning(interval), "embedded-postgres-watch");
        thread.setDaemon(true);
        watcher = thread;
        thread.start();
    }

    /** Whether the server process is alive (it may still be recovering). */
    public boolean isRunning() {
        return postmaster.isAlive();
    }

    private void keepRunning(Duration interval) {
        List<ProcessHandle> family = List.of();
        while (!closed) {
            try {
                Thread.sleep(interval.toMillis());
                if (postmaster.isAlive()) {
                    family = postmaster.descendants().toList();
                } else if (!closed) {
                    restart(family);
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                // never let the watch end: the next round tries again
                LOG.warn("embedded PostgreSQL not started again yet: {}", e.getMessage());
            }
        }
    }

    /**
     * Starts the server again once the dead one's processes are gone: a new server refuses the shared memory
     * they still hold, and a failed start would keep zonky's lock in this JVM.
     */
    private synchronized void restart(List<ProcessHandle> family) throws InterruptedException {
        if (closed) {
            return;
        }
        long began = System.nanoTime();
        int port = port();
        LOG.warn("embedded PostgreSQL (pid {}) is gone: starting it again on port {}", postmaster.pid(), port);
        closeQuietly();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (family.stream().anyMatch(ProcessHandle::isAlive) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        try {
            run(port, Duration.ofSeconds(20));
        } catch (IOException e) {
            throw new UncheckedIOException("embedded PostgreSQL did not start again in " + dataDir, e);
        }
        LOG.info("embedded PostgreSQL running again after {} ms (pid {})",
                (System.nanoTime() - began) / 1_000_000, postmaster.pid());
    }

    private int port() {
        return postgres.getPort();
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port() + "/" + DATABASE;
    }

    /** The service's role: it owns the schema and is no superuser. */
    public String username() {
        return ClusterAccess.SERVICE_ROLE;
    }

    /** The service role's password. */
    public String password() {
        return access.servicePassword();
    }

    /** Stops the server; its data stays in the data directory. */
    @Override
    public void close() {
        closed = true;
        Thread thread = watcher;
        if (thread != null) {
            thread.interrupt();
        }
        synchronized (this) {
            try {
                postgres.close();
            } catch (IOException e) {
                throw new UncheckedIOException("embedded PostgreSQL did not stop cleanly", e);
            } finally {
                if (watchdog != null) {
                    watchdog.destroy();
                }
                IN_USE_HERE.remove(key);
            }
        }
    }

    private void closeQuietly() {
        try {
            postgres.close();
        } catch (IOException | RuntimeException e) {
            // a failed start left nothing running to stop
        }
    }
}
