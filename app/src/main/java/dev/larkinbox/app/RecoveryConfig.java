package dev.larkinbox.app;

import dev.larkinbox.domain.recovery.RecoverMissedFeedbackCommand;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;

/**
 * Recovery of missed feedback ({@code inbox.recovery.*}).
 *
 * @param days         how far back it looks, unless a request names its own; Lark retries an event for about 7
 *                     hours, so the default looks much further back than that
 * @param appIds       the apps whose feedback is recovered; {@code lark.app-id} when unset
 * @param interval     how often it runs
 * @param initialDelay its first run after the start
 */
@ConfigurationProperties("inbox.recovery")
record RecoveryConfig(@Bindable(defaultValue = "3") @Min(1) @Max(RecoverMissedFeedbackCommand.MAX_DAYS) int days,
                      @Nullable List<String> appIds,
                      @Bindable(defaultValue = "1h") @NotNull Duration interval,
                      @Bindable(defaultValue = "1m") @NotNull Duration initialDelay) {
    RecoveryConfig {
        ConfigurationProblems.requirePositive("inbox.recovery.interval", interval);
        ConfigurationProblems.requireNotNegative("inbox.recovery.initial-delay", initialDelay);
    }
}
