package dev.larkinbox.app;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;

/**
 * Status sync to Lark.
 *
 * @param syncToLark {@code inbox.sync-to-lark}: send status changes to Lark (off anyway without the app's
 *                   credentials)
 */
@ConfigurationProperties("inbox")
record SyncConfig(@Bindable(defaultValue = "true") boolean syncToLark, @Valid @NotNull Sync sync) {

    /**
     * {@code inbox.sync.*}.
     *
     * @param pollInterval how often the status outbox is looked at
     * @param backoff      retry delays while Lark is unreachable
     */
    @ConfigurationProperties("sync")
    record Sync(@Bindable(defaultValue = "2s") @NotNull Duration pollInterval, @Valid @NotNull Backoff backoff) {
        Sync {
            ConfigurationProblems.requirePositive("inbox.sync.poll-interval", pollInterval);
        }
    }

    /**
     * {@code inbox.sync.backoff.*}: retry delays while Lark is unreachable.
     *
     * @param first after the first failure; twice as long after each further one
     * @param max   never longer than this
     */
    @ConfigurationProperties("backoff")
    record Backoff(@Bindable(defaultValue = "5s") @NotNull Duration first,
                   @Bindable(defaultValue = "10m") @NotNull Duration max) {
    }
}
