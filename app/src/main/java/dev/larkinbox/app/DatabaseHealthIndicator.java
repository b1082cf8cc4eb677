package dev.larkinbox.app;

import dev.larkinbox.outbound.db.postgres.EventWrites;
import io.micronaut.context.annotation.Value;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.AbstractHealthIndicator;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Whether events can be stored, in {@code /health} and {@code /health/readiness}: the database answers and
 * the group commit runs. It shows states only, embedded or external: never the JDBC URL (an external
 * database's credentials may be written in it), the server's version or an error text.
 */
@Singleton
class DatabaseHealthIndicator extends AbstractHealthIndicator<Map<String, Object>> {
    private final DatabaseProbe probe;
    private final EventWrites writes;
    private final boolean embedded;

    DatabaseHealthIndicator(DatabaseProbe probe, EventWrites writes,
                            @Value("${inbox.database.embedded:false}") boolean embedded) {
        this.probe = probe;
        this.writes = writes;
        this.embedded = embedded;
    }

    @Override
    protected Map<String, Object> getHealthInformation() {
        boolean answers = probe.up();
        boolean committing = writes.running();
        healthStatus = answers && committing ? HealthStatus.UP : HealthStatus.DOWN;
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("location", embedded ? "embedded" : "external");
        details.put("connection", answers ? "up" : "down");
        details.put("group_commit", committing ? "running" : "stopped");
        return details;
    }

    @Override
    protected String getName() {
        return "database";
    }
}
