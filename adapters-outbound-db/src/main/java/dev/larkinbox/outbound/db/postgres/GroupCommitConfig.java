package dev.larkinbox.outbound.db.postgres;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;

/**
 * How events are committed together ({@code inbox.store.group-commit.*}).
 *
 * @param maxBatch  how many events one transaction stores at most; its one statement binds up to 37 parameters
 *                  per event, and PostgreSQL takes 32,767 in a statement
 * @param maxWait   how long a caller waits for its commit before it answers that the store is unavailable (Lark's
 *                  3 s deadline must hold when the database hangs). The write may still commit later: Lark's
 *                  redelivery is then a duplicate.
 * @param maxQueued how many events may wait for a transaction; more are answered unavailable at once, so that a
 *                  stalled database cannot pile up memory or work that nobody waits for any more
 * @param committers how many transactions may be under way at once, each on its own connection: while one
 *                  waits for its flush to disk, the next batch is written, once half a batch waits for it
 */
@ConfigurationProperties("inbox.store.group-commit")
public record GroupCommitConfig(@Bindable(defaultValue = "64") @Min(1) @Max(800) int maxBatch,
                                @Bindable(defaultValue = "2s") @NotNull Duration maxWait,
                                @Bindable(defaultValue = "1024") @Min(1) int maxQueued,
                                @Bindable(defaultValue = "2") @Min(1) int committers) {
}
