package dev.larkinbox.app;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;

/**
 * Status sync to Lark. How often the outbox is looked at, {@code inbox.sync.poll-interval}, is the job's.
 *
 * @param syncToLark {@code inbox.sync-to-lark}: send status changes to Lark (off anyway without the app's
 *                   credentials)
 */
@ConfigurationProperties("inbox")
record SyncConfig(@Bindable(defaultValue = "true") boolean syncToLark, @Valid @NotNull Sync sync) {

    @ConfigurationProperties("sync")
    record Sync(@Valid @NotNull Backoff backoff) {
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
