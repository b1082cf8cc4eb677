package dev.larkinbox.app;

import dev.larkinbox.inbound.lark.LarkEventIntake;
import dev.larkinbox.inbound.ws.EventSink;
import dev.larkinbox.inbound.ws.LarkLongConnection;
import dev.larkinbox.inbound.ws.LongConnectionConfig;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.exceptions.ConfigurationException;
import java.net.URI;

/**
 * In {@code ws} and {@code both} modes: the long connection, fed into the same intake as the webhook, started
 * with the service (without waiting for Lark) and closed with it.
 */
@Factory
@Requires(property = "lark.mode", pattern = "ws|both")
class LongConnectionWiring {

    @Context
    @Bean(preDestroy = "close")
    LarkLongConnection longConnection(@Value("${lark.app-id:}") String appId,
                                      @Value("${lark.app-secret:}") String appSecret,
                                      @Value("${lark.domain}") URI domain,
                                      LarkEventIntake intake) {
        if (appId.isBlank() || appSecret.isBlank()) {
            throw new ConfigurationException("lark.mode ws and both need lark.app-id and lark.app-secret "
                    + "(LARK_APP_ID, LARK_APP_SECRET)");
        }
        LarkLongConnection connection = new LarkLongConnection(LongConnectionConfig.of(appId, appSecret, domain),
                EventSink.of(intake));
        connection.start();
        return connection;
    }
}
