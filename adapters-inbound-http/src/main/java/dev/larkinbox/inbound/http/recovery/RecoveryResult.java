package dev.larkinbox.inbound.http.recovery;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.larkinbox.domain.recovery.RecoveryReport;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import java.util.List;
import java.util.Objects;

/**
 * @param listed    how many feedback Lark listed
 * @param recovered the ids of the feedback that had never arrived and were added now
 */
@Serdeable.Serializable(naming = SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record RecoveryResult(int listed, List<String> recovered) {
    public RecoveryResult {
        recovered = List.copyOf(Objects.requireNonNull(recovered, "recovered"));
    }

    static RecoveryResult of(RecoveryReport report) {
        return new RecoveryResult(report.listed(), report.recovered());
    }
}
