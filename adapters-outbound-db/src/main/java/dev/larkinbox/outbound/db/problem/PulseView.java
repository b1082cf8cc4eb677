package dev.larkinbox.outbound.db.problem;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import java.time.Instant;

/** What a spike assessment reads of a problem's row. */
@Introspected
public record PulseView(String problemId, String membersPriority, @Nullable Instant spikingSince) {
}
