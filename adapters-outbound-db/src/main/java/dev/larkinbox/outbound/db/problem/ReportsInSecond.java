package dev.larkinbox.outbound.db.problem;

import io.micronaut.core.annotation.Introspected;
import java.time.Instant;

/** How many reports of a problem came in the second that begins at {@code atSecond}. */
@Introspected
public record ReportsInSecond(String problemId, Instant atSecond, int reports) {
}
