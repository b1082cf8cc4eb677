package dev.larkinbox.app;

import dev.larkinbox.outbound.db.postgres.DataDirectoryInUseException;
import io.micronaut.context.exceptions.ConfigurationException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/**
 * Starts the inbox; SIGTERM (or Ctrl-C) stops it, the embedded PostgreSQL last. With {@code send-event} it posts a
 * Lark event to a running inbox instead ({@link SendEventCommand}).
 */
public final class InboxApplication {
    private static final Logger LOG = LoggerFactory.getLogger(InboxApplication.class);

    /**
     * The exit status of a start refused for its configuration (or a port or data directory another process
     * uses): fix the setting and start again.
     */
    static final int CONFIGURATION_ERROR = 2;

    private InboxApplication() {
    }

    public static void main(String[] args) {
        if (SendEventCommand.isCalled(args)) {
            System.exit(SendEventCommand.run(SendEventCommand.arguments(args), System.out));
            return;
        }
        RunningInbox inbox;
        try {
            inbox = RunningInbox.start(args);
        } catch (ConfigurationException | DataDirectoryInUseException e) {
            LOG.error("not started: {}", e.getMessage());
            System.exit(CONFIGURATION_ERROR);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(inbox::close, "inbox-shutdown"));
        // zonky's EmbeddedPostgres stops the server from a shutdown hook of its own, which the JVM runs beside
        // ours: a last grouping round or commit would meet a stopped database. So the signals that stop the
        // service close it in order first (jobs, context, database); the exit then finds nothing left to stop.
        for (String name : List.of("TERM", "INT")) {
            Signal.handle(new Signal(name), signal -> {
                inbox.close();
                System.exit(128 + signal.getNumber());
            });
        }
    }
}
