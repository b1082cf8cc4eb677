package dev.larkinbox.app;

import dev.larkinbox.inbound.ws.ConnectionStatus;
import dev.larkinbox.inbound.ws.LarkLongConnection;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import java.util.Locale;

/**
 * The long connection in {@code /prometheus}: {@code lark_long_connection_state{state}} is 1 for the state it
 * is in and 0 for the others, {@code lark_long_connection_reconnects_total} counts re-established connections.
 */
@Context
@Requires(beans = LarkLongConnection.class)
class LongConnectionMetrics {
    LongConnectionMetrics(LarkLongConnection connection, MeterRegistry registry) {
        for (ConnectionStatus.State state : ConnectionStatus.State.values()) {
            Gauge.builder("lark.long.connection.state", connection, c -> c.status().state() == state ? 1 : 0)
                    .tag("state", state.name().toLowerCase(Locale.ROOT))
                    .description("1 for the state the long connection is in").register(registry);
        }
        FunctionCounter.builder("lark.long.connection.reconnects", connection, c -> c.status().reconnects())
                .description("lost long connections re-established since start").register(registry);
    }
}
