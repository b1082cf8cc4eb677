package dev.larkinbox.app;

import com.zaxxer.hikari.HikariDataSource;
import io.micronaut.jdbc.DataSourceResolver;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

/**
 * Whether the database answers, checked once a second on a connection of its own. Health reads the last
 * answer: a flood of health checks neither waits for the database nor takes connections that events need.
 */
@Singleton
class DatabaseProbe {
    private static final long EVERY_MILLIS = 1000;

    private final String url;
    private final Properties properties = new Properties();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "database-probe");
        thread.setDaemon(true);
        return thread;
    });
    private volatile boolean up;
    private Connection connection;

    DatabaseProbe(DataSource dataSource, DataSourceResolver resolver) {
        // the pool's own settings, without its connections
        HikariDataSource pool = (HikariDataSource) resolver.resolve(dataSource);
        url = pool.getJdbcUrl();
        properties.putAll(pool.getDataSourceProperties());
        if (pool.getUsername() != null) {
            properties.setProperty("user", pool.getUsername());
        }
        if (pool.getPassword() != null) {
            properties.setProperty("password", pool.getPassword());
        }
        properties.setProperty("connectTimeout", "1");
        properties.setProperty("socketTimeout", "2");
        check();
        timer.scheduleWithFixedDelay(this::check, EVERY_MILLIS, EVERY_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** Whether the last check got an answer. */
    boolean up() {
        return up;
    }

    private void check() {
        try {
            if (connection == null) {
                connection = DriverManager.getConnection(url, properties);
            }
            try (Statement statement = connection.createStatement()) {
                statement.setQueryTimeout(1);
                statement.execute("SELECT 1");
            }
            up = true;
        } catch (SQLException | RuntimeException e) {
            up = false;
            forget();
        }
    }

    private void forget() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                // it was broken already
            }
            connection = null;
        }
    }

    @PreDestroy
    void stop() throws InterruptedException {
        timer.shutdownNow();
        timer.awaitTermination(2, TimeUnit.SECONDS);
        forget();
    }
}
