package dev.larkinbox.outbound.db.postgres;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Servers of earlier runs that died and left their PostgreSQL running on a data directory. */
final class Orphans {
    private static final Logger LOG = LoggerFactory.getLogger(Orphans.class);
    /** zonky's lock, held by the JVM running a server on the directory. */
    private static final String LOCK_FILE = "epg-lock";

    private Orphans() {
    }

    /**
     * A server left running by an earlier run of ours that died (its JVM no longer holds the lock, but
     * postmaster.pid names a live postgres on this directory) is stopped; a server whose JVM still holds the
     * lock is a running service, and refused.
     */
    static void stopAnOrphan(Path dataDir) throws IOException {
        Path lock = dataDir.resolve(LOCK_FILE);
        if (Files.exists(lock)) {
            try (FileChannel channel = FileChannel.open(lock, StandardOpenOption.WRITE);
                 FileLock held = channel.tryLock()) {
                if (held == null) {
                    throw new DataDirectoryInUseException(dataDir);
                }
            } catch (OverlappingFileLockException e) {
                throw new DataDirectoryInUseException(dataDir);
            }
        }
        Optional<ProcessHandle> orphan = PostmasterFile.read(dataDir)
                .filter(file -> file.isOf(dataDir))
                .flatMap(file -> ProcessHandle.of(file.pid()))
                .filter(Orphans::isPostgres);
        if (orphan.isEmpty()) {
            return;
        }
        ProcessHandle process = orphan.get();
        LOG.warn("embedded PostgreSQL of an earlier run (pid {}) still holds {}: stopping it", process.pid(), dataDir);
        if (!signal(process, "INT", Duration.ofSeconds(10)) && !signal(process, "QUIT", Duration.ofSeconds(5))) {
            throw new DataDirectoryInUseException(dataDir);
        }
    }

    private static boolean isPostgres(ProcessHandle process) {
        return process.info().command().map(c -> Path.of(c).getFileName().toString().equals("postgres"))
                .orElse(false);
    }

    /** Sends the signal and waits for the process to end; true when it did. */
    private static boolean signal(ProcessHandle process, String signal, Duration wait) throws IOException {
        try {
            new ProcessBuilder("kill", "-" + signal, String.valueOf(process.pid())).start().waitFor();
            process.onExit().get(wait.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException | ExecutionException e) {
            return !process.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }
}
