package dev.larkinbox.outbound.db;

import static dev.larkinbox.domain.testing.SampleEvents.APP;
import static dev.larkinbox.domain.testing.SampleEvents.T0;
import static dev.larkinbox.domain.testing.SampleEvents.feedback;
import static dev.larkinbox.domain.testing.SampleEvents.rawEvent;
import static dev.larkinbox.domain.testing.SampleEvents.revocation;
import static dev.larkinbox.domain.testing.SampleEvents.unhandled;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.larkinbox.domain.event.Delivery;
import dev.larkinbox.domain.event.StorageUnavailableException;
import dev.larkinbox.domain.inbox.FeedbackFilter;
import dev.larkinbox.domain.inbox.FeedbackOrder;
import dev.larkinbox.domain.inbox.FeedbackInbox;
import dev.larkinbox.domain.ledger.EventLedger;
import dev.larkinbox.domain.ledger.LedgerOutcome;
import dev.larkinbox.domain.paging.PageRequest;
import dev.larkinbox.domain.revocation.RevocationHistory;
import dev.larkinbox.outbound.db.postgres.EmbeddedPostgresServer;
import io.micronaut.context.ApplicationContext;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/** With the production connection settings, a database that is gone is reported fast enough for Lark's 3 s. */
class StorageOutageTest {
    private static final Duration FAST_ENOUGH = Duration.ofSeconds(2);

    @Test
    void aStoppedDatabaseIsReportedUnavailableWithinTwoSeconds(@TempDir Path dataDir) {
        EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataDir);
        try (ApplicationContext ctx = ApplicationContext.run(
                PostgresTestDatabase.properties(server.jdbcUrl(), server.username(), server.password()))) {
            FeedbackInbox inbox = ctx.getBean(FeedbackInbox.class);
            assertEquals(Delivery.NEW, inbox.add(feedback("ev-1", "fb-1", T0), rawEvent("ev-1")));

            server.close();

            assertUnavailableQuickly(() -> inbox.add(feedback("ev-2", "fb-2", T0), rawEvent("ev-2")));
            assertUnavailableQuickly(() -> ctx.getBean(RevocationHistory.class).append(revocation("ev-3", APP, "v", T0)));
            assertUnavailableQuickly(() -> ctx.getBean(EventLedger.class)
                    .recordUnhandled(unhandled("ev-4", LedgerOutcome.IGNORED, T0)));
            assertUnavailableQuickly(() -> inbox.find("fb-1"));
            assertUnavailableQuickly(() -> inbox.list(FeedbackFilter.ALL, FeedbackOrder.NEWEST, PageRequest.first(10)));
        }
    }

    @Test
    void aDatabaseThatAcceptsConnectionsButNeverAnswersIsReportedUnavailableWithinTwoSeconds() throws IOException {
        // The kernel completes the TCP handshake for the backlog; nothing ever reads or answers.
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Map<String, Object> properties = PostgresTestDatabase.properties(
                    "jdbc:postgresql://127.0.0.1:" + silent.getLocalPort() + "/postgres", "postgres", "");
            properties.put("flyway.datasources.default.enabled", false);
            properties.put("datasources.default.initialization-fail-timeout", -1);
            try (ApplicationContext ctx = ApplicationContext.run(properties)) {
                FeedbackInbox inbox = ctx.getBean(FeedbackInbox.class);

                assertUnavailableQuickly(() -> inbox.add(feedback("ev-1", "fb-1", T0), rawEvent("ev-1")));
            }
        }
    }

    @Test
    void aStatementThatHangsIsCancelledByTheStatementTimeoutWithinTwoSeconds() throws SQLException {
        ApplicationContext ctx = PostgresTestDatabase.context();
        PostgresTestDatabase.emptyStore();
        try (Connection other = DelegatingDataSource.unwrapDataSource(ctx.getBean(DataSource.class)).getConnection()) {
            // another transaction holds the event's ledger row: the store's insert waits for it
            other.setAutoCommit(false);
            try (PreparedStatement lock = other.prepareStatement("INSERT INTO event_ledger (event_id, event_type,"
                    + " transport, received_at, outcome) VALUES ('ev-hang', 't', 'webhook', now(), 'stored')")) {
                lock.executeUpdate();
            }

            StorageUnavailableException e = assertUnavailableQuickly(() -> ctx.getBean(RevocationHistory.class)
                    .append(revocation("ev-hang", APP, "v", T0)));

            assertTrue(e.getMessage().contains("SQL state 57014"), "cancelled by the server: " + e.getMessage());
            other.rollback();
        }
    }

    private static StorageUnavailableException assertUnavailableQuickly(Executable call) {
        long start = System.nanoTime();
        StorageUnavailableException e = assertThrows(StorageUnavailableException.class, call);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertTrue(took.compareTo(FAST_ENOUGH) < 0, "took " + took);
        assertTrue(e.getMessage().startsWith("event not stored") || e.getMessage().startsWith("database read failed"),
                e.getMessage());
        return e;
    }
}
