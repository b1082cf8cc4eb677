package dev.larkinbox.outbound.db.postgres;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.jdbc.DataSourceResolver;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import javax.sql.DataSource;

/**
 * A read of more rows than memory should hold (an export): PostgreSQL hands them {@value #FETCH_SIZE} at a time
 * from a cursor as the stream is used, on a connection of the stream's own, held (in a read-only transaction, which
 * the cursor needs) until the stream is closed. Not bound to a thread, since the stream is read where the answer
 * is written. The SQL is a repository's, its {@code :name} parameters bound by name.
 */
@Singleton
public class CursorRead {
    public static final int FETCH_SIZE = 500;
    /** The longest any one fetch of the cursor may take. */
    static final String STATEMENT_TIMEOUT = "60s";
    private static final Pattern PARAMETER = Pattern.compile(":([A-Za-z][A-Za-z0-9]*)");

    private final DataSource dataSource;

    public CursorRead(DataSource dataSource, @Nullable DataSourceResolver resolver) {
        // the pool itself: a transaction-aware proxy would tie the connection to the calling thread
        this.dataSource = (resolver == null ? DataSourceResolver.DEFAULT : resolver).resolve(dataSource);
    }

    /** The value of a {@code :name} parameter, with its SQL type. */
    public static final class Parameter {
        private final OneStatement.Binding binding;

        private Parameter(OneStatement.Binding binding) {
            this.binding = binding;
        }

        public static Parameter text(@Nullable String value) {
            return new Parameter(values -> values.text(value));
        }

        public static Parameter texts(String[] values) {
            return new Parameter(v -> v.texts(values));
        }

        public static Parameter integers(int[] values) {
            return new Parameter(v -> v.integers(values));
        }

        public static Parameter integer(@Nullable Integer value) {
            return new Parameter(values -> values.integer(value));
        }

        /** The SQL with each {@code :name} renamed {@code :name<suffix>}, to put it in a statement more than once. */
        public static String suffixed(String sql, String suffix) {
            return PARAMETER.matcher(sql).replaceAll(":$1" + suffix);
        }

        /** The SQL with each {@code :name} a positional parameter, bound to the value of its name. */
        static OneStatement bound(String sql, Map<String, Parameter> parameters) {
            List<String> names = new ArrayList<>();
            Matcher m = PARAMETER.matcher(sql);
            StringBuilder positional = new StringBuilder();
            while (m.find()) {
                names.add(m.group(1));
                m.appendReplacement(positional, "?");
            }
            m.appendTail(positional);
            return new OneStatement().sql(positional.toString(), values -> {
                for (String name : names) {
                    Parameter parameter = parameters.get(name);
                    if (parameter == null) {
                        throw new IllegalArgumentException("no value for :" + name);
                    }
                    parameter.binding.bind(values);
                }
            });
        }
    }

    /** Reads one row of the result. */
    @FunctionalInterface
    public interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    /**
     * @param parameters each {@code :name} of the SQL with its value
     * @throws dev.larkinbox.domain.event.StorageUnavailableException when the read cannot start or fails midway
     */
    public <T> Stream<T> stream(String sql, Map<String, Parameter> parameters, RowMapper<T> rows) {
        OneStatement statement = Parameter.bound(sql, parameters);
        Open open = Open.start(dataSource, statement);
        Iterator<T> iterator = new Iterator<>() {
            private Boolean ahead;

            @Override
            public boolean hasNext() {
                if (ahead == null) {
                    ahead = open.next();
                }
                return ahead;
            }

            @Override
            public T next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                ahead = null;
                return open.map(rows);
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator, Spliterator.ORDERED), false)
                .onClose(open::close);
    }

    /** The connection, statement and result of one stream. */
    private record Open(Connection connection, PreparedStatement statement, ResultSet result) {
        static Open start(DataSource dataSource, OneStatement sql) {
            Connection connection = null;
            try {
                connection = dataSource.getConnection();
                connection.setAutoCommit(false);
                connection.setReadOnly(true);
                try (Statement timeout = connection.createStatement()) {
                    // the pool's statement timeout is for the ingest's short statements; PostgreSQL may sort the
                    // whole filtered inbox before the cursor's first rows
                    timeout.execute("SET LOCAL statement_timeout = '" + STATEMENT_TIMEOUT + "'");
                }
                PreparedStatement statement = sql.prepared(connection);
                statement.setFetchSize(FETCH_SIZE);
                return new Open(connection, statement, statement.executeQuery());
            } catch (SQLException | RuntimeException e) {
                closeQuietly(connection);
                throw StorageFailures.unavailable("database read failed", e);
            }
        }

        boolean next() {
            try {
                return result.next();
            } catch (SQLException e) {
                throw StorageFailures.unavailable("database read failed", e);
            }
        }

        <T> T map(RowMapper<T> rows) {
            try {
                return rows.map(result);
            } catch (SQLException e) {
                throw StorageFailures.unavailable("database read failed", e);
            }
        }

        void close() {
            try (connection; statement; result) {
                connection.rollback(); // read only: nothing to keep, and the pool gets it back clean
                connection.setReadOnly(false);
                connection.setAutoCommit(true);
            } catch (SQLException e) {
                // the connection goes back to the pool, which checks it; nothing of the read is lost
            }
        }

        private static void closeQuietly(Connection connection) {
            if (connection != null) {
                try {
                    connection.close();
                } catch (SQLException ignored) {
                    // it failed to start: the first failure is the one reported
                }
            }
        }
    }
}
