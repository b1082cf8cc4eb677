package dev.larkinbox.inbound.http.inbox;

import dev.larkinbox.domain.workflow.BulkOutcome;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import java.util.List;

/**
 * What a bulk change did, or would do.
 *
 * @param changed         how many feedback were (would be) changed, each with its history entry
 * @param unchanged       how many already were as asked
 * @param notApplied      the feedback the change does not apply to, and why; the first 100
 * @param notAppliedCount how many it does not apply to in all
 * @param dryRun          true when nothing was changed: the answer of a dry run
 */
@Serdeable.Serializable(naming = SnakeCaseStrategy.class)
public record BulkItem(long changed, long unchanged, List<NotAppliedItem> notApplied, long notAppliedCount,
                       boolean dryRun) {

    static BulkItem of(BulkOutcome outcome, boolean dryRun) {
        return new BulkItem(outcome.changed(), outcome.unchanged(), outcome.notApplied().stream()
                .map(n -> new NotAppliedItem(n.feedbackId(), n.reason().english())).toList(),
                outcome.notAppliedCount(), dryRun);
    }

    @Serdeable.Serializable(naming = SnakeCaseStrategy.class)
    public record NotAppliedItem(String feedbackId, String reason) {
    }
}
