package dev.larkinbox.inbound.web.access;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;
import java.util.Locale;

/**
 * The web inbox: {@code inbox.web.*}.
 *
 * @param sessionIdleTimeout how long a session lasts unused
 * @param sessionLifetime    how long a session lasts after sign-in at most, used or not
 * @param allowHttpLinks     whether an event's {@code http:} URL becomes a link too, for trying it locally; else only
 *                           {@code https:} ones do
 * @param liveInterval       how often an open inbox or feedback page looks for changes
 */
@ConfigurationProperties("inbox.web")
public record WebConfig(@Bindable(defaultValue = "12h") Duration sessionIdleTimeout,
                        @Bindable(defaultValue = "7d") Duration sessionLifetime,
                        @Bindable(defaultValue = "false") boolean allowHttpLinks,
                        @Bindable(defaultValue = "5s") Duration liveInterval) {
    public WebConfig {
        requirePositive("inbox.web.session-idle-timeout", sessionIdleTimeout);
        requirePositive("inbox.web.session-lifetime", sessionLifetime);
        requirePositive("inbox.web.live-interval", liveInterval);
    }

    /**
     * Refused in the one line the service's start prints: a session that ends at once signs nobody in, and a page
     * that looks for changes without a pause loads the service.
     */
    private static void requirePositive(String property, Duration duration) {
        if (duration.isNegative() || duration.isZero()) {
            throw new ConfigurationException(property + " (" + property.replace('.', '_').replace('-', '_')
                    .toUpperCase(Locale.ROOT) + ") must be longer than 0s, was '"
                    + duration.toString().substring(2).toLowerCase(Locale.ROOT) + "'");
        }
    }
}
