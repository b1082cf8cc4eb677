package dev.larkinbox.outbound.db.postgres;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * One SQL statement put together from parts on plain JDBC, its parameters bound in the order of the text: so that
 * what depends only on one statement's result (rows inserted after the ledger insert that decided they are new)
 * goes to the database in the same round trip, as data-modifying {@code WITH} queries. The module's one way to plain
 * JDBC: the batched ingest's statements, and the outbox lease's, whose table is chosen at run time.
 */
final class OneStatement {
    private final StringBuilder sql = new StringBuilder(4096);
    private final List<Binding> bindings = new ArrayList<>();

    /** Binds the parameters of one part. */
    @FunctionalInterface
    interface Binding {
        void bind(Values values) throws SQLException;
    }

    /** Receives one row of the result. */
    @FunctionalInterface
    interface RowReader {
        void read(ResultSet row) throws SQLException;
    }

    /** Appends SQL text without parameters. */
    OneStatement sql(String text) {
        sql.append(text);
        return this;
    }

    /** Appends SQL text whose parameters the binding sets, in their order. */
    OneStatement sql(String text, Binding binding) {
        sql.append(text);
        bindings.add(binding);
        return this;
    }

    /** Whether no text was appended yet. */
    boolean isEmpty() {
        return sql.length() == 0;
    }

    /** Runs it. */
    void update(Connection connection) throws SQLException {
        try (PreparedStatement statement = prepared(connection)) {
            statement.executeUpdate();
        }
    }

    /** Runs it and hands each row of its result to the reader. */
    void query(Connection connection, RowReader reader) throws SQLException {
        try (PreparedStatement statement = prepared(connection); ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                reader.read(rs);
            }
        }
    }

    PreparedStatement prepared(Connection connection) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql.toString());
        try {
            Values values = new Values(connection, statement);
            for (Binding binding : bindings) {
                binding.bind(values);
            }
            return statement;
        } catch (SQLException | RuntimeException e) {
            statement.close();
            throw e;
        }
    }

    /** The statement's parameters, set one after the other. */
    public static final class Values {
        private final Connection connection;
        private final PreparedStatement statement;
        private int next = 1;

        private Values(Connection connection, PreparedStatement statement) {
            this.connection = connection;
            this.statement = statement;
        }

        public Values text(String value) throws SQLException {
            statement.setString(next++, value);
            return this;
        }

        public Values integer(Integer value) throws SQLException {
            if (value == null) {
                statement.setNull(next++, Types.INTEGER);
            } else {
                statement.setInt(next++, value);
            }
            return this;
        }

        public Values bigint(long value) throws SQLException {
            statement.setLong(next++, value);
            return this;
        }

        /** A {@code timestamptz}. */
        public Values instant(Instant value) throws SQLException {
            statement.setObject(next++, value == null ? null : OffsetDateTime.ofInstant(value, ZoneOffset.UTC),
                    Types.TIMESTAMP_WITH_TIMEZONE);
            return this;
        }

        public Values texts(String[] values) throws SQLException {
            return array("text", values);
        }

        /** An {@code integer[]}; null: SQL's null. */
        public Values integers(int[] values) throws SQLException {
            if (values == null) {
                statement.setNull(next++, Types.ARRAY);
                return this;
            }
            Integer[] boxed = new Integer[values.length];
            for (int i = 0; i < values.length; i++) {
                boxed[i] = values[i];
            }
            return array("int4", boxed);
        }

        private Values array(String type, Object[] values) throws SQLException {
            Array array = connection.createArrayOf(type, values);
            statement.setArray(next++, array);
            return this;
        }
    }
}
