package dev.larkinbox.inbound.web.access;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * The web inbox: {@code inbox.web.*}.
 *
 * @param sessionLifetime how long a session lasts after sign-in
 * @param allowHttpLinks  whether an event's {@code http:} URL becomes a link too, for trying it locally; else only
 *                        {@code https:} ones do
 */
@ConfigurationProperties("inbox.web")
public record WebConfig(@Bindable(defaultValue = "12h") Duration sessionLifetime,
                        @Bindable(defaultValue = "false") boolean allowHttpLinks) {
}
