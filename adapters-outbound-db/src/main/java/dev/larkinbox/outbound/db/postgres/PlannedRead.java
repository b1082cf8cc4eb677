package dev.larkinbox.outbound.db.postgres;

import dev.larkinbox.outbound.db.postgres.CursorRead.Parameter;
import dev.larkinbox.outbound.db.postgres.CursorRead.RowMapper;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Reads planned for the values they are given. After five runs of a statement PostgreSQL may keep one plan for any
 * values, and for the inbox's filters ({@code :x IS NULL OR column = :x}) that plan reads every row instead of
 * asking the index the values call for.
 */
@Singleton
public class PlannedRead {
    private final TransactionOperations<Connection> transactions;

    public PlannedRead(TransactionOperations<Connection> transactions) {
        this.transactions = transactions;
    }

    /** Runs repository reads so planned. */
    public <T> T run(Supplier<T> read) {
        return StorageFailures.reading(() -> transactions.executeRead(status -> {
            customPlans(status.getConnection());
            return read.get();
        }));
    }

    /**
     * The one row of SQL put together at run time (as many counts as a person has views), its {@code :name}
     * parameters bound by name: one round trip.
     */
    public <T> T row(String sql, Map<String, Parameter> parameters, RowMapper<T> row) {
        OneStatement statement = Parameter.bound(sql, parameters);
        return StorageFailures.reading(() -> transactions.executeRead(status -> {
            Connection connection = status.getConnection();
            customPlans(connection);
            try (PreparedStatement prepared = statement.prepared(connection);
                 ResultSet result = prepared.executeQuery()) {
                result.next();
                return row.map(result);
            }
        }));
    }

    private static void customPlans(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET LOCAL plan_cache_mode = force_custom_plan");
        }
    }
}
