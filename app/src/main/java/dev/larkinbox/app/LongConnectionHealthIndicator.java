package dev.larkinbox.app;

import dev.larkinbox.inbound.ws.ConnectionStatus;
import dev.larkinbox.inbound.ws.LarkLongConnection;
import io.micronaut.context.annotation.Requires;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.AbstractHealthIndicator;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;

/**
 * The long connection in {@code /health}. Lark being unreachable is not the service being down (the webhook and
 * the read API still work, and the client keeps trying): that shows as UNKNOWN. Only a client that gave up,
 * which a restart mends, is DOWN. Anyone may read health: it shows states, never the last error's text (the
 * log has it).
 */
@Singleton
@Requires(beans = LarkLongConnection.class)
class LongConnectionHealthIndicator extends AbstractHealthIndicator<Map<String, Object>> {
    private final LarkLongConnection connection;

    LongConnectionHealthIndicator(LarkLongConnection connection, @Named(TaskExecutors.BLOCKING) ExecutorService executor) {
        this.connection = connection;
        setExecutorService(executor);
    }

    @Override
    protected Map<String, Object> getHealthInformation() {
        ConnectionStatus status = connection.status();
        healthStatus = switch (status.state()) {
            case CONNECTED -> HealthStatus.UP;
            case GAVE_UP -> HealthStatus.DOWN;
            default -> HealthStatus.UNKNOWN;
        };
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("state", status.state().name().toLowerCase(Locale.ROOT));
        details.put("since", status.since().toString());
        details.put("reconnects", status.reconnects());
        return details;
    }

    @Override
    protected String getName() {
        return "long_connection";
    }
}
