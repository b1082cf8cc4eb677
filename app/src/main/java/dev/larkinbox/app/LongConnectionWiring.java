package dev.larkinbox.app;

import dev.larkinbox.inbound.lark.LarkEventIntake;
import dev.larkinbox.inbound.ws.EventSink;
import dev.larkinbox.inbound.ws.LarkLongConnection;
import dev.larkinbox.inbound.ws.LongConnectionConfig;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.exceptions.ConfigurationException;

/**
 * In {@code ws} and {@code both} modes: the long connection, fed into the same intake as the webhook, started
 * with the service (without waiting for Lark) and closed with it.
 */
@Factory
@Requires(condition = LarkApiConfig.LongConnectionMode.class)
class LongConnectionWiring {

    @Context
    @Bean(preDestroy = "close")
    LarkLongConnection longConnection(LarkConfig lark, LarkEventIntake intake) {
        if (!lark.hasCredentials()) {
            throw new ConfigurationException("lark.mode ws and both need lark.app-id and lark.app-secret "
                    + "(LARK_APP_ID, LARK_APP_SECRET)");
        }
        LarkLongConnection connection = new LarkLongConnection(
                LongConnectionConfig.of(lark.appId(), lark.appSecret(), lark.domain()), EventSink.of(intake));
        connection.start();
        return connection;
    }
}
