package dev.larkinbox.outbound.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.larkinbox.outbound.db.postgres.EmbeddedPostgresServer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * V9 over rows stored the old way: a database at V8, on a server of its own and migrated by the service's role as
 * in production, holding raw events with their tokens in every table that keeps raw event JSON, migrated to the
 * latest version.
 */
class RawEventsWithoutTokensMigrationTest {
    private static final String SCHEMA = "public";
    private static final String TOKEN = "rvaYgkND1GOiu5MM0E1rncYC6PLtF7JV";
    private static final String CARD_TOKEN = "c-295ee57216a5dc9de90fefd0aadb4b1d7d5c4b9e";
    private static final String RECEIVED = "2024-06-01T10:00:00Z";

    private static final String FEEDBACK_EVENT = "{\"schema\":\"2.0\",\"header\":{\"event_id\":\"ev-fb\","
            + "\"event_type\":\"application.application.feedback.created_v6\",\"token\":\"" + TOKEN + "\"},"
            + "\"event\":{\"feedback_id\":\"fb-1\",\"description\":\"白屏\"}}";
    private static final String CARD_CALLBACK = "{\"schema\":\"2.0\",\"header\":{\"event_id\":\"ev-card\","
            + "\"event_type\":\"card.action.trigger\",\"token\":\"" + TOKEN + "\"},\"event\":{\"token\":\""
            + CARD_TOKEN + "\",\"action\":{\"value\":{\"action\":\"acknowledge\"}}}}";
    private static final String V1_REVOCATION = "{\"token\":\"" + TOKEN + "\",\"header\":{\"event_id\":\"ev-rev\","
            + "\"event_type\":\"application.application.app_version.publish_revoke_v6\"},\"event\":{\"version_id\":"
            + "\"oav-1\"}}";
    /** jsonb refuses \u0000: this row is cleaned by pattern. */
    private static final String NOT_JSONB = "{\"schema\":\"2.0\",\"header\":{\"event_id\":\"ev-nul\",\"token\":\""
            + TOKEN + "\",\"event_type\":\"x\"},\"event\":{\"note\":\"a\\u0000b\"}}";
    /** Holds no token: left byte for byte, spacing and all. */
    private static final String WITHOUT_TOKENS = "{ \"schema\": \"2.0\",\n  \"header\": {\"event_id\": \"ev-plain\","
            + " \"event_type\": \"im.message.receive_v1\"},\n  \"event\": {\"tokens\": 3} }";

    @TempDir
    static Path dataDir;
    private static EmbeddedPostgresServer server;
    private static DataSource dataSource;

    @BeforeAll
    static void aDatabaseAtV8WithRawEventsStoredTheOldWay() throws SQLException {
        server = EmbeddedPostgresServer.start(dataDir, 0, EmbeddedPostgresServer.Commits.FAST);
        PGSimpleDataSource service = new PGSimpleDataSource();
        service.setURL(server.jdbcUrl());
        service.setUser(server.username());
        service.setPassword(server.password());
        dataSource = service;
        flyway().target("8").load().migrate();

        String versionAudit = FEEDBACK_EVENT.replace("ev-fb", "ev-audit")
                .replace("feedback.created_v6", "app_version.audit_v6");
        for (String eventId : List.of("ev-fb", "ev-card", "ev-rev", "ev-audit")) {
            write("INSERT INTO %s.event_ledger (event_id, event_type, transport, received_at, outcome) "
                    + "VALUES (?, 'some.type', 'webhook', ?::timestamptz, 'stored')", eventId, RECEIVED);
        }
        write("UPDATE %s.event_ledger SET raw_event = ? WHERE event_id = 'ev-card'", CARD_CALLBACK);
        write("INSERT INTO %s.event_ledger (event_id, event_type, transport, received_at, outcome, problem, "
                + "raw_event) VALUES ('ev-nul', 'x', 'webhook', ?::timestamptz, 'malformed', 'odd', ?)", RECEIVED,
                NOT_JSONB);
        write("INSERT INTO %s.event_ledger (event_id, event_type, transport, received_at, outcome, problem, "
                + "raw_event) VALUES ('ev-plain', 'im.message.receive_v1', 'webhook', ?::timestamptz, 'ignored', "
                + "'event type not handled', ?)", RECEIVED, WITHOUT_TOKENS);
        write("INSERT INTO %s.feedback (feedback_id, event_id, feedback_type, fault_types, images, priority, "
                + "category, reasons, status, received_at, raw_event) VALUES ('fb-1', 'ev-fb', 1, '{}', '{}', 'P3', "
                + "'other', '{}', 'new', ?::timestamptz, ?)", RECEIVED, FEEDBACK_EVENT);
        write("INSERT INTO %s.revocation (event_id, app_id, version_id, revoked_at, received_at, raw_event) "
                + "VALUES ('ev-rev', 'cli', 'oav-1', ?::timestamptz, ?::timestamptz, ?)", RECEIVED, RECEIVED,
                V1_REVOCATION);
        write("INSERT INTO %s.version_event (event_id, app_id, version_id, kind, happened_at, received_at, "
                + "raw_event) VALUES ('ev-audit', 'cli', 'oav-1', 'approved', ?::timestamptz, ?::timestamptz, ?)",
                RECEIVED, RECEIVED, versionAudit);
        // two deliveries of one reused id that differ only in their tokens, and a third body
        for (String body : List.of(FEEDBACK_EVENT, FEEDBACK_EVENT.replace(TOKEN, "another-token"),
                FEEDBACK_EVENT.replace("fb-1", "fb-2"))) {
            write("INSERT INTO %s.event_conflict (event_id, transport, received_at, raw_event) "
                    + "VALUES ('ev-fb', 'webhook', ?::timestamptz, ?)", RECEIVED, body);
        }

        flyway().load().migrate();
    }

    @AfterAll
    static void stopped() {
        server.close();
    }

    @Test
    void noRawEventInAnyTableHoldsATokenAnyMore() throws SQLException {
        List<String> raws = rawEvents();

        assertEquals(8, raws.size(), String.join("\n", raws));
        for (String raw : raws) {
            assertTrue(!raw.contains(TOKEN) && !raw.contains(CARD_TOKEN) && !raw.contains("another-token")
                    && !raw.contains("\"token\""), raw);
        }
    }

    @Test
    void whatIsNotATokenIsKept() throws SQLException {
        assertEquals("白屏", text("SELECT raw_event::jsonb #>> '{event,description}' FROM %s.feedback"));
        assertEquals("acknowledge", text("SELECT raw_event::jsonb #>> '{event,action,value,action}' "
                + "FROM %s.event_ledger WHERE event_id = 'ev-card'"));
        assertEquals("oav-1", text("SELECT raw_event::jsonb #>> '{event,version_id}' FROM %s.revocation"));
        assertEquals(NOT_JSONB.replace("\"token\":\"" + TOKEN + "\",", ""),
                text("SELECT raw_event FROM %s.event_ledger WHERE event_id = 'ev-nul'"));
        assertEquals(WITHOUT_TOKENS, text("SELECT raw_event FROM %s.event_ledger WHERE event_id = 'ev-plain'"));
    }

    @Test
    void conflictsThatDifferedOnlyInTheirTokensAreKeptOnce() throws SQLException {
        assertEquals("2", text("SELECT count(*) FROM %s.event_conflict WHERE event_id = 'ev-fb'"));
    }

    private static org.flywaydb.core.api.configuration.FluentConfiguration flyway() {
        return Flyway.configure().dataSource(dataSource).schemas(SCHEMA).locations("classpath:db/migration");
    }

    private static List<String> rawEvents() throws SQLException {
        List<String> raws = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(String.format("SELECT raw_event FROM %1$s.event_ledger "
                     + "WHERE raw_event IS NOT NULL UNION ALL SELECT raw_event FROM %1$s.feedback "
                     + "UNION ALL SELECT raw_event FROM %1$s.revocation UNION ALL SELECT raw_event FROM "
                     + "%1$s.version_event UNION ALL SELECT raw_event FROM %1$s.event_conflict", SCHEMA))) {
            while (rs.next()) {
                raws.add(rs.getString(1));
            }
        }
        return raws;
    }

    private static String text(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(String.format(sql, SCHEMA))) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    private static void write(String sql, String... parameters) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement(String.format(sql, SCHEMA))) {
            for (int i = 0; i < parameters.length; i++) {
                s.setString(i + 1, parameters[i]);
            }
            s.executeUpdate();
        }
    }
}
