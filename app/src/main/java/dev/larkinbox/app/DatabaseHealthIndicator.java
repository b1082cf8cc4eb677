package dev.larkinbox.app;

import io.micronaut.context.annotation.Value;
import io.micronaut.health.HealthStatus;
import io.micronaut.jdbc.DataSourceResolver;
import io.micronaut.management.health.indicator.AbstractHealthIndicator;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import javax.sql.DataSource;

/**
 * The database in {@code /health}: up or down, its version, embedded or external. Replaces Micronaut's JDBC
 * indicator, which shows the JDBC URL, where an external database's credentials may be written.
 */
@Singleton
class DatabaseHealthIndicator extends AbstractHealthIndicator<Map<String, Object>> {
    private final DataSource dataSource;
    private final boolean embedded;

    DatabaseHealthIndicator(DataSource dataSource, DataSourceResolver resolver,
                            @Named(TaskExecutors.BLOCKING) ExecutorService executor,
                            @Value("${inbox.database.embedded:false}") boolean embedded) {
        // the pool itself, not the transaction-bound proxy: a health check opens its own connection
        this.dataSource = resolver.resolve(dataSource);
        this.embedded = embedded;
        setExecutorService(executor);
    }

    @Override
    protected Map<String, Object> getHealthInformation() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("location", embedded ? "embedded" : "external");
        try (Connection connection = dataSource.getConnection()) {
            boolean valid = connection.isValid(1);
            DatabaseMetaData meta = connection.getMetaData();
            details.put("database", meta.getDatabaseProductName());
            details.put("version", meta.getDatabaseProductVersion());
            healthStatus = valid ? HealthStatus.UP : HealthStatus.DOWN;
        } catch (SQLException e) {
            healthStatus = HealthStatus.DOWN;
            details.put("error", "no connection (SQL state " + e.getSQLState() + ")");
        }
        return details;
    }

    @Override
    protected String getName() {
        return "database";
    }
}
