package dev.larkinbox.outbound.db.postgres;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * One INSERT of many rows on plain JDBC: a VALUES list of one tuple per row, so that a batch costs one round trip
 * per table, or none of its own as a part of a larger {@link OneStatement}. A VALUES list rather than
 * {@code unnest} of column arrays, because some columns are arrays themselves, and {@code unnest} flattens an
 * array of arrays.
 *
 * @param <R> the row type
 */
final class MultiRowInsert<R> {
    private final String head;
    private final String tuple;
    private final String tail;
    private final Columns<R> columns;

    /** Binds one row's values, in the order of the tuple's parameters. */
    @FunctionalInterface
    interface Columns<R> {
        void bind(OneStatement.Values values, R row) throws SQLException;
    }

    /**
     * @param head  up to {@code VALUES} ({@code INSERT INTO t (a, b) VALUES}), or up to a VALUES list inside a
     *              query ({@code INSERT INTO t (a, b) SELECT * FROM (VALUES})
     * @param tuple one row's tuple ({@code (?, CAST(? AS timestamp))}); in a VALUES list inside a query, where the
     *              table's columns do not type the parameters, with a cast for each parameter the driver sends
     *              untyped (timestamps)
     * @param tail  after the rows ({@code ON CONFLICT DO NOTHING RETURNING event_id})
     */
    MultiRowInsert(String head, String tuple, String tail, Columns<R> columns) {
        this.head = head;
        this.tuple = tuple;
        this.tail = tail;
        this.columns = columns;
    }

    /** Inserts the rows (none: no statement). */
    void insert(Connection connection, List<R> rows) throws SQLException {
        if (!rows.isEmpty()) {
            appendTo(new OneStatement(), rows).update(connection);
        }
    }

    /** Appends this insert of the rows (at least one) to a statement. */
    OneStatement appendTo(OneStatement statement, List<R> rows) {
        StringBuilder sql = new StringBuilder(head.length() + tail.length() + rows.size() * (tuple.length() + 2))
                .append(head).append(' ');
        for (int i = 0; i < rows.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append(tuple);
        }
        return statement.sql(sql.append(' ').append(tail).toString(), values -> {
            for (R row : rows) {
                columns.bind(values, row);
            }
        });
    }
}
