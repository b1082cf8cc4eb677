package dev.larkinbox.app;

import dev.larkinbox.outbound.db.postgres.EventWrites;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.AbstractHealthIndicator;
import io.micronaut.management.health.indicator.annotation.Liveness;
import jakarta.inject.Singleton;
import java.util.Map;

/**
 * {@code /health/liveness}: DOWN only when the process cannot mend itself, so that its supervisor restarts
 * it. A database that is down is not (readiness says it, and the service reconnects); a group-commit thread
 * that is gone for good is.
 */
@Singleton
@Liveness
class GroupCommitLivenessIndicator extends AbstractHealthIndicator<Map<String, Object>> {
    private final EventWrites writes;

    GroupCommitLivenessIndicator(EventWrites writes) {
        this.writes = writes;
    }

    @Override
    protected Map<String, Object> getHealthInformation() {
        boolean running = writes.running();
        healthStatus = running ? HealthStatus.UP : HealthStatus.DOWN;
        return Map.of("group_commit", running ? "running" : "stopped");
    }

    @Override
    protected String getName() {
        return "group_commit";
    }
}
