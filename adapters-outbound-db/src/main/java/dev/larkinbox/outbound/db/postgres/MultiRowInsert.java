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
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One INSERT of many rows on plain JDBC: a VALUES list of one tuple per row, so that a batch costs one round trip
 * per table. A VALUES list rather than {@code unnest} of column arrays, because some columns are arrays
 * themselves, and {@code unnest} flattens an array of arrays.
 *
 * @param <R> the row type
 */
public final class MultiRowInsert<R> {
    private final String head;
    private final String tuple;
    private final String tail;
    private final Columns<R> columns;

    /** Binds one row's values, in the order of the tuple's parameters. */
    @FunctionalInterface
    public interface Columns<R> {
        void bind(Values values, R row) throws SQLException;
    }

    /**
     * @param head  up to {@code VALUES} ({@code INSERT INTO t (a, b) VALUES})
     * @param tuple one row's tuple ({@code (?, CAST(? AS timestamp))})
     * @param tail  after the rows ({@code ON CONFLICT DO NOTHING RETURNING event_id}); its RETURNING clause, if
     *              any, must return one text column
     */
    public MultiRowInsert(String head, String tuple, String tail, Columns<R> columns) {
        this.head = head;
        this.tuple = tuple;
        this.tail = tail;
        this.columns = columns;
    }

    /** Inserts the rows (none: no statement). */
    public void insert(Connection connection, List<R> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement statement = prepared(connection, rows)) {
            statement.executeUpdate();
        }
    }

    /** Inserts the rows and returns what its RETURNING clause returned, one text per row inserted. */
    public Set<String> insertReturning(Connection connection, List<R> rows) throws SQLException {
        Set<String> returned = new HashSet<>();
        if (rows.isEmpty()) {
            return returned;
        }
        try (PreparedStatement statement = prepared(connection, rows); ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                returned.add(rs.getString(1));
            }
        }
        return returned;
    }

    private PreparedStatement prepared(Connection connection, List<R> rows) throws SQLException {
        StringBuilder sql = new StringBuilder(head.length() + tail.length() + rows.size() * (tuple.length() + 2))
                .append(head).append(' ');
        for (int i = 0; i < rows.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append(tuple);
        }
        PreparedStatement statement = connection.prepareStatement(sql.append(' ').append(tail).toString());
        try {
            Values values = new Values(connection, statement);
            for (R row : rows) {
                columns.bind(values, row);
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

        public Values integers(int[] values) throws SQLException {
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
