package dev.larkinbox.outbound.db;

import static dev.larkinbox.domain.testing.SampleEvents.T0;
import static dev.larkinbox.domain.testing.SampleEvents.feedback;
import static dev.larkinbox.domain.testing.SampleEvents.rawEvent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.larkinbox.domain.event.Delivery;
import dev.larkinbox.domain.inbox.FeedbackInbox;
import dev.larkinbox.outbound.db.postgres.EmbeddedPostgresServer;
import io.micronaut.context.ApplicationContext;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A data directory of the embedded server as it was when it trusted every local connection. */
class EmbeddedPostgresConversionTest {

    @Test
    void aDirectoryOfTheTrustingServerIsConvertedAtItsNextStartAndKeepsItsData(@TempDir Path dataDir)
            throws Exception {
        // the old way: zonky's trust, Flyway and the store as the superuser, who owns every object
        try (EmbeddedPostgres old = EmbeddedPostgres.builder().setDataDirectory(dataDir.resolve("pg"))
                .setCleanDataDirectory(false).setServerConfig("listen_addresses", "localhost").start();
             ApplicationContext ctx = ApplicationContext.run(PostgresTestDatabase.properties(
                     "jdbc:postgresql://localhost:" + old.getPort() + "/postgres", "postgres", ""))) {
            assertEquals(Delivery.NEW, ctx.getBean(FeedbackInbox.class).add(feedback("ev-1", "fb-1", T0), rawEvent("ev-1")));
            assertEquals("postgres", PostgresTestDatabase.queryText(ctx,
                    "SELECT tableowner FROM pg_tables WHERE tablename = 'feedback'"));
        }

        try (var server = EmbeddedPostgresServer.start(dataDir);
             ApplicationContext ctx = ApplicationContext.run(
                     PostgresTestDatabase.properties(server.jdbcUrl(), server.username(), server.password()))) {
            FeedbackInbox inbox = ctx.getBean(FeedbackInbox.class);

            assertTrue(inbox.find("fb-1").isPresent(), "the row stored before the conversion");
            assertEquals(Delivery.DUPLICATE, inbox.add(feedback("ev-1", "fb-1", T0), rawEvent("ev-1")));
            assertEquals(Delivery.NEW, inbox.add(feedback("ev-2", "fb-2", T0), rawEvent("ev-2")));
            assertEquals("inbox", PostgresTestDatabase.queryText(ctx, "SELECT current_user"));
            assertEquals("0", PostgresTestDatabase.queryText(ctx, """
                    SELECT (SELECT count(*) FROM pg_class WHERE relnamespace = 'public'::regnamespace
                              AND relowner <> current_user::regrole)
                         + (SELECT count(*) FROM pg_proc WHERE pronamespace = 'public'::regnamespace
                              AND proowner <> current_user::regrole)"""), "the service's role owns every object");
        }

        try (var server = EmbeddedPostgresServer.start(dataDir);
             ApplicationContext ctx = ApplicationContext.run(
                     PostgresTestDatabase.properties(server.jdbcUrl(), server.username(), server.password()))) {
            FeedbackInbox inbox = ctx.getBean(FeedbackInbox.class);

            assertTrue(inbox.find("fb-1").isPresent(), "kept across a restart of the converted directory");
            assertTrue(inbox.find("fb-2").isPresent());
        }
    }
}
