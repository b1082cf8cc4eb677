package dev.larkinbox.app;

import dev.larkinbox.inbound.lark.LarkEventIntake;
import dev.larkinbox.inbound.ws.EventSink;
import dev.larkinbox.inbound.ws.LarkLongConnection;
import dev.larkinbox.inbound.ws.LongConnectionConfig;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;

/**
 * In {@code ws} and {@code both} modes: the long connection, fed into the same intake as the webhook, started
 * with the service (without waiting for Lark) and closed with it. {@link LarkConfig} refuses these modes without
 * the app's credentials.
 */
@Factory
@Requires(condition = LarkApiConfig.LongConnectionMode.class)
class LongConnectionWiring {

    @Context
    @Bean(preDestroy = "close")
    LarkLongConnection longConnection(LarkConfig lark, LarkEventIntake intake) {
        LarkLongConnection connection = new LarkLongConnection(
                LongConnectionConfig.of(lark.appId(), lark.appSecret(), lark.domain()), EventSink.of(intake));
        connection.start();
        return connection;
    }
}
