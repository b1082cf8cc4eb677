package dev.larkinbox.app;

import dev.larkinbox.outbound.db.postgres.DataDirectoryInUseException;
import io.micronaut.context.exceptions.ConfigurationException;
import java.io.PrintStream;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/**
 * Starts the inbox; SIGTERM (or Ctrl-C) stops it, the embedded PostgreSQL last. With {@code send-event} it posts a
 * Lark event to a running inbox instead ({@link SendEventCommand}); {@code --help} and {@code --version} answer and
 * end.
 */
public final class InboxApplication {
    private static final Logger LOG = LoggerFactory.getLogger(InboxApplication.class);

    /**
     * The exit status of a start refused for its configuration (or a port or data directory another process
     * uses): fix the setting and start again.
     */
    static final int CONFIGURATION_ERROR = 2;

    static final String NAME = "lark-app-inbox";
    static final String HELP = """
            usage: java -jar lark-app-inbox.jar [--property=value ...]
                     starts the inbox: HTTP on port 8080, its own PostgreSQL with its files in ./data
                   java -jar lark-app-inbox.jar send-event FILE [--url URL] [--encrypt-key KEY]
                     posts a Lark event to a running inbox as Lark does (%s)
                   java -jar lark-app-inbox.jar --help | --version

            Configured by environment variables such as LARK_MODE, LARK_APP_ID, LARK_ENCRYPT_KEY, INBOX_API_TOKEN,
            or by --property=value arguments such as --micronaut.server.port=8081; README.md, section
            Configuration, lists every setting. A setting that is not what its property allows stops the start
            with one line and exit status 2.""".formatted(SendEventCommand.DEFAULT_URL);

    private InboxApplication() {
    }

    /**
     * What the command line asks for other than the service: {@code send-event}, {@code --help}, {@code --version},
     * or an argument Micronaut would not read (only {@code --property=value} and {@code -Dproperty=value}), which
     * would otherwise start the service as if it were not there.
     *
     * @return the exit status when it was answered; empty when the service is to start
     */
    static OptionalInt answer(List<String> args, PrintStream out) {
        if (!args.isEmpty() && args.get(0).equals(SendEventCommand.NAME)) {
            return OptionalInt.of(SendEventCommand.run(args.subList(1, args.size()), out));
        }
        if (args.contains("--help") || args.contains("-h")) {
            out.println(HELP);
            return OptionalInt.of(0);
        }
        if (args.contains("--version")) {
            out.println(NAME + " " + version());
            return OptionalInt.of(0);
        }
        Optional<String> unknown = args.stream()
                .filter(arg -> !(arg.startsWith("--") || arg.startsWith("-D")) || !arg.contains("=")).findFirst();
        if (unknown.isPresent()) {
            out.println("unknown argument '" + unknown.get() + "'");
            out.println(HELP);
            return OptionalInt.of(CONFIGURATION_ERROR);
        }
        return OptionalInt.empty();
    }

    /** The Maven project's version, which the jar's manifest carries. */
    static String version() {
        String version = InboxApplication.class.getPackage().getImplementationVersion();
        return version != null ? version : "(version unknown: run from its classes, not from its jar)";
    }

    public static void main(String[] args) {
        OptionalInt answered = answer(List.of(args), System.out);
        if (answered.isPresent()) {
            System.exit(answered.getAsInt());
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
