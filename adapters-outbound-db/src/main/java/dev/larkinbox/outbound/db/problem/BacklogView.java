package dev.larkinbox.outbound.db.problem;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import java.time.Instant;

/** What waits for grouping: when the oldest waiting was received (null: nothing waits), and how many arrived lately. */
@Introspected
public record BacklogView(@Nullable Instant oldest, int arrived) {
}
