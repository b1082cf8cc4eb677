package dev.larkinbox.outbound.db;

import dev.larkinbox.outbound.db.postgres.EmbeddedPostgresServer;
import java.nio.file.Path;

/** A JVM of its own that runs an embedded server on a directory until it is killed: a run that will crash. */
public final class HoldADatabase {
    private HoldADatabase() {
    }

    public static void main(String[] args) throws InterruptedException {
        EmbeddedPostgresServer.start(Path.of(args[0]));
        System.out.println("ready");
        System.out.flush();
        Thread.currentThread().join(); // never returns: the test ends this JVM with kill -9
    }
}
