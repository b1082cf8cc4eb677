package dev.larkinbox.inbound.web.access;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * The web inbox: {@code inbox.web.*}.
 *
 * @param sessionLifetime how long a session lasts after sign-in
 */
@ConfigurationProperties("inbox.web")
public record WebConfig(@Bindable(defaultValue = "12h") Duration sessionLifetime) {
}
