package dev.larkinbox.app;

import dev.larkinbox.outbound.db.postgres.EmbeddedPostgresServer;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.Environment;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.inject.qualifiers.Qualifiers;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.scheduling.TaskExecutors;
import java.net.BindException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running service: the Micronaut context with its HTTP server and, when no external database is
 * configured, the embedded PostgreSQL it started first and stops last.
 *
 * <p>The configuration is read before the context starts, because the datasource needs the embedded server's
 * URL at creation and Micronaut has no earlier hook that sees the resolved configuration.
 */
public final class RunningInbox implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RunningInbox.class);
    /** How often the embedded PostgreSQL is checked: it is started again within about a second of dying. */
    private static final Duration EMBEDDED_CHECK = Duration.ofSeconds(1);
    /** A job's run in progress at stop (a grouping round is one transaction) ends within this. */
    private static final Duration JOB_END_WAIT = Duration.ofSeconds(5);

    private final ApplicationContext context;
    private final EmbeddedServer server;
    private final EmbeddedPostgresServer embeddedPostgres;
    private boolean stopped;

    private RunningInbox(ApplicationContext context, EmbeddedServer server, EmbeddedPostgresServer embeddedPostgres) {
        this.context = context;
        this.server = server;
        this.embeddedPostgres = embeddedPostgres;
    }

    public static RunningInbox start(String... args) {
        return start(Map.of(), args);
    }

    /** @param properties configuration that overrides files and environment, as tests set it */
    public static RunningInbox start(Map<String, Object> properties, String... args) {
        ConfigurationProblems.requireValid(properties, args);
        // the configuration as the context will see it, read before the context: see the class comment
        try (ApplicationContext probe = ApplicationContext.builder().args(args).properties(properties).build()) {
            Environment env = probe.getEnvironment().start();
            return start(properties, env, args);
        }
    }

    private static RunningInbox start(Map<String, Object> properties, Environment env, String... args) {
        Optional<String> externalUrl = env.getProperty("datasources.default.url", String.class)
                .filter(u -> !u.isBlank());
        Path dataDir = Path.of(env.getProperty("inbox.data-dir", String.class).orElse("./data"));
        Map<String, Object> effective = new HashMap<>(properties);
        EmbeddedPostgresServer postgres = null;
        if (externalUrl.isEmpty()) {
            postgres = EmbeddedPostgresServer.start(dataDir);
            postgres.watch(EMBEDDED_CHECK);
            effective.put("datasources.default.url", postgres.jdbcUrl());
            effective.put("datasources.default.username", postgres.username());
            effective.put("datasources.default.password", postgres.password());
            effective.put("inbox.database.embedded", true);
        }
        try {
            // every configuration bean is bound at start, not when first used
            ApplicationContext context = ApplicationContext.builder().args(args).properties(effective)
                    .eagerInitConfiguration(true).start();
            EmbeddedServer server = startServer(context);
            RunningInbox inbox = new RunningInbox(context, server, postgres);
            LOG.info("lark-app-inbox listening on port {}; database: {}; mode: {}; sync to Lark: {}; recovery: {}",
                    server.getPort(),
                    postgres != null
                            ? "embedded PostgreSQL (durable commits, restarted when it dies), data in "
                            + dataDir.resolve("pg").toAbsolutePath().normalize()
                            : "external PostgreSQL at " + where(externalUrl.get()),
                    context.getBean(LarkConfig.class).mode().label(),
                    onOff(context.getBean(LarkConfig.class).hasCredentials()
                            && context.getBean(SyncConfig.class).syncToLark()),
                    onOff(context.getBean(LarkConfig.class).hasCredentials()));
            return inbox;
        } catch (RuntimeException e) {
            if (postgres != null) {
                postgres.close();
            }
            throw e;
        }
    }

    /** A port taken by another process is a setting to change, said in one line rather than a stack trace. */
    private static EmbeddedServer startServer(ApplicationContext context) {
        // read first: a server that cannot bind stops the context
        String port = context.getProperty("micronaut.server.port", String.class).orElse("8080");
        try {
            return context.getBean(EmbeddedServer.class).start();
        } catch (RuntimeException e) {
            context.close();
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof BindException) {
                    throw new ConfigurationException("port " + port + " is already in use; set "
                            + "micronaut.server.port (MICRONAUT_SERVER_PORT) to a free one");
                }
            }
            throw e;
        }
    }

    private static String onOff(boolean on) {
        return on ? "on" : "off";
    }

    /** Host, port and database of a JDBC URL: never its user, password or parameters. */
    static String where(String jdbcUrl) {
        try {
            URI uri = URI.create(jdbcUrl.startsWith("jdbc:") ? jdbcUrl.substring(5) : jdbcUrl);
            return uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "") + (uri.getPath() == null ? "" : uri.getPath());
        } catch (IllegalArgumentException e) {
            return "(unparseable URL)";
        }
    }

    public ApplicationContext context() {
        return context;
    }

    public int port() {
        return server.getPort();
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getPort());
    }

    /** A job's run that began while the context closes would find its beans gone: no new run, the last one ends. */
    private void stopJobs() {
        context.findBean(ExecutorService.class, Qualifiers.byName(TaskExecutors.SCHEDULED)).ifPresent(jobs -> {
            jobs.shutdown();
            try {
                jobs.awaitTermination(JOB_END_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    public boolean usesEmbeddedPostgres() {
        return embeddedPostgres != null;
    }

    /**
     * Stops the jobs, then the server and the context, then the embedded database they were using. Safe to call
     * twice.
     */
    @Override
    public synchronized void close() {
        if (stopped) {
            return;
        }
        stopped = true;
        if (context.isRunning()) {
            stopJobs();
            context.close();
        }
        if (embeddedPostgres != null) {
            embeddedPostgres.close();
        }
        LOG.info("lark-app-inbox stopped");
    }
}
