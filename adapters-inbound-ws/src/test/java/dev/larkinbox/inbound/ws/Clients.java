package dev.larkinbox.inbound.ws;

import java.net.URI;
import java.time.Duration;
import java.util.List;

/** Client settings and checks shared by the tests: generous times, so a loaded machine does not fail them. */
final class Clients {
    static final String APP_ID = "cli_test_app";
    static final String SECRET = "s3cret-that-must-never-be-logged";
    static final Duration WAIT = Duration.ofSeconds(60);

    private Clients() {
    }

    static LongConnectionConfig config(URI domain) {
        return new LongConnectionConfig(APP_ID, SECRET, domain, Duration.ofSeconds(5), Duration.ofSeconds(5), 32, 2,
                Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(2));
    }

    static LongConnectionConfig config(URI domain, Duration fragmentTimeout, Duration pongTimeout,
                                       Duration clientErrorBackoff) {
        return new LongConnectionConfig(APP_ID, SECRET, domain, fragmentTimeout, pongTimeout, 32, 2,
                clientErrorBackoff, Duration.ofSeconds(5), Duration.ofSeconds(2));
    }

    /** Threads the client started that are still alive. */
    static List<String> clientThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .map(Thread::getName)
                .filter(name -> name.startsWith("lark-ws-"))
                .toList();
    }
}
