package dev.larkinbox.outbound.db;

import dev.larkinbox.domain.card.CardOutbox;
import dev.larkinbox.domain.event.StorageUnavailableException;
import dev.larkinbox.domain.inbox.FeedbackInbox;
import dev.larkinbox.domain.ledger.EventLedger;
import dev.larkinbox.domain.person.People;
import dev.larkinbox.domain.recovery.RecoveryInbox;
import dev.larkinbox.domain.revocation.RevocationHistory;
import dev.larkinbox.domain.sync.StatusOutbox;
import dev.larkinbox.domain.testing.ProblemPorts;
import dev.larkinbox.domain.testing.SampleEvents;
import dev.larkinbox.domain.testing.StorePorts;
import dev.larkinbox.domain.testing.VersionPorts;
import dev.larkinbox.domain.testing.WorkflowPorts;
import dev.larkinbox.domain.version.VersionSteps;
import dev.larkinbox.domain.version.VersionTimeline;
import dev.larkinbox.domain.workflow.FeedbackWorkflowStore;
import dev.larkinbox.outbound.db.postgres.EmbeddedPostgresServer;
import dev.larkinbox.outbound.db.problem.PostgresProblems;
import io.micronaut.context.ApplicationContext;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import javax.sql.DataSource;

/**
 * One PostgreSQL per test JVM, migrated by Flyway, with the store ports built by Micronaut. It is the embedded
 * server unless {@code DATASOURCES_DEFAULT_URL} (with {@code _USERNAME}, {@code _PASSWORD}) names another one;
 * tests empty its tables, so never point it at a database whose data matters.
 */
public final class PostgresTestDatabase {
    private static ApplicationContext context;

    private PostgresTestDatabase() {
    }

    /** The shared context, started on first use. */
    public static synchronized ApplicationContext context() {
        if (context == null) {
            String url = System.getenv("DATASOURCES_DEFAULT_URL");
            context = url != null
                    ? ApplicationContext.run(properties(url, System.getenv("DATASOURCES_DEFAULT_USERNAME"),
                    System.getenv("DATASOURCES_DEFAULT_PASSWORD")))
                    : startEmbedded();
            warmUp(context);
        }
        return context;
    }

    /**
     * The first write of a fresh JVM and server (connections, statements, JIT) can take longer than the group
     * commit waits (2 s) on a loaded 2-core machine: paid here, so that no test's first write pays it.
     */
    private static void warmUp(ApplicationContext ctx) {
        RevocationHistory history = ctx.getBean(RevocationHistory.class);
        for (int attempt = 0; attempt < 10; attempt++) {
            try {
                history.append(SampleEvents.revocation("warm-up-" + attempt, SampleEvents.APP, "v", SampleEvents.T0));
                return;
            } catch (StorageUnavailableException e) {
                // still warming up; the tests empty the tables before they start
            }
        }
    }

    /** The ports over emptied tables. */
    public static StorePorts emptyStore() {
        ApplicationContext ctx = emptied();
        return new StorePorts(ctx.getBean(FeedbackInbox.class), ctx.getBean(RevocationHistory.class),
                ctx.getBean(EventLedger.class));
    }

    /** The ports that work feedback, over emptied tables. */
    public static WorkflowPorts emptyWorkflowStore() {
        ApplicationContext ctx = emptied();
        return new WorkflowPorts(ctx.getBean(FeedbackInbox.class), ctx.getBean(FeedbackWorkflowStore.class),
                ctx.getBean(StatusOutbox.class), ctx.getBean(RecoveryInbox.class), ctx.getBean(EventLedger.class));
    }

    /** The ports of problems, over emptied tables. */
    public static ProblemPorts emptyProblemStore() {
        ApplicationContext ctx = emptied();
        PostgresProblems problems = ctx.getBean(PostgresProblems.class);
        return new ProblemPorts(ctx.getBean(FeedbackInbox.class), problems, problems, ctx.getBean(CardOutbox.class));
    }

    /** The ports that keep versions, over emptied tables. */
    public static VersionPorts emptyVersionStore() {
        ApplicationContext ctx = emptied();
        return new VersionPorts(ctx.getBean(VersionSteps.class), ctx.getBean(VersionTimeline.class),
                ctx.getBean(RevocationHistory.class), ctx.getBean(EventLedger.class));
    }

    /** The people of the inbox, none yet. */
    public static People emptyPeople() {
        ApplicationContext ctx = context();
        execute(ctx, "TRUNCATE person CASCADE");
        return ctx.getBean(People.class);
    }

    private static ApplicationContext emptied() {
        ApplicationContext ctx = context();
        execute(ctx, "TRUNCATE reporter_outbox, feedback_history, status_outbox, card_outbox, feedback_image, "
                + "problem_reports, problem_tenant, problem_feedback, grouping_queue, problem, feedback, revocation, "
                + "awaited_lark_status, version_event, event_ledger, event_conflict");
        return ctx;
    }

    /** Runs SQL on a connection of its own, outside the store's transactions. */
    public static void execute(ApplicationContext ctx, String sql) {
        try (Connection c = DelegatingDataSource.unwrapDataSource(ctx.getBean(DataSource.class)).getConnection();
              Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first column of the first row the query returns, as text; null when there is no row. */
    public static String queryText(String sql, Object... parameters) {
        return queryText(context(), sql, parameters);
    }

    /** The first column of the first row the query returns in that context's database, as text. */
    public static String queryText(ApplicationContext ctx, String sql, Object... parameters) {
        try (Connection c = DelegatingDataSource.unwrapDataSource(ctx.getBean(DataSource.class)).getConnection();
             PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The connection settings the service uses in production (see the module's report): a dead database is
     * noticed within about a second.
     */
    public static Map<String, Object> properties(String url, String username, String password) {
        Map<String, Object> p = new HashMap<>();
        p.put("datasources.default.url", url);
        p.put("datasources.default.username", username == null ? "" : username);
        p.put("datasources.default.password", password == null ? "" : password);
        p.put("datasources.default.dialect", "POSTGRES");
        p.put("datasources.default.maximum-pool-size", 8);
        p.put("datasources.default.connection-timeout", 1000);
        p.put("datasources.default.validation-timeout", 500);
        p.put("datasources.default.data-source-properties.connectTimeout", 1);
        p.put("datasources.default.data-source-properties.socketTimeout", 3);
        p.put("datasources.default.data-source-properties.options", "-c statement_timeout=1500");
        p.put("datasources.default.data-source-properties.logServerErrorDetail", false);
        p.put("datasources.default.data-source-properties.tcpKeepAlive", true);
        p.put("flyway.datasources.default.enabled", true);
        return p;
    }

    /**
     * The server's files go under target/, a directory per test JVM (the pom names it), emptied at the start; zonky
     * stops the server when the JVM exits.
     */
    private static ApplicationContext startEmbedded() {
        Path dataDir = Path.of(System.getProperty("inbox.test-postgres", "target/test-postgres"));
        deleteRecursively(dataDir);
        EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataDir, 0, EmbeddedPostgresServer.Commits.FAST);
        return ApplicationContext.run(properties(server.jdbcUrl(), server.username(), server.password()));
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not empty " + dir, e);
        }
    }
}
