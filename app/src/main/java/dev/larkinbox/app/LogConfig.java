package dev.larkinbox.app;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;

/**
 * The log: {@code inbox.log.*}.
 *
 * @param summaryInterval {@code inbox.log.summary-interval}: how often the line that sums up the events is logged
 */
@ConfigurationProperties("inbox.log")
record LogConfig(@Bindable(defaultValue = "1m") @NotNull Duration summaryInterval) {
    LogConfig {
        ConfigurationProblems.requirePositive("inbox.log.summary-interval", summaryInterval);
    }
}
