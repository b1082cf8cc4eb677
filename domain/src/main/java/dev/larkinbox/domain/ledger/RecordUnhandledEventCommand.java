package dev.larkinbox.domain.ledger;

import dev.larkinbox.domain.event.EventMeta;
import java.util.Objects;

/**
 * A verified event that is not stored as a revocation or feedback.
 *
 * @param problem  why it was not handled, for a person (no personal data)
 * @param rawEvent the event JSON as received, so that nothing is lost
 */
public record RecordUnhandledEventCommand(EventMeta meta, LedgerOutcome outcome, String problem, String rawEvent) {
    public RecordUnhandledEventCommand {
        Objects.requireNonNull(meta, "meta");
        Objects.requireNonNull(outcome, "outcome");
        if (outcome == LedgerOutcome.STORED || outcome == LedgerOutcome.RECOVERED) {
            throw new IllegalArgumentException("an unhandled event cannot be recorded as " + outcome.label());
        }
        Objects.requireNonNull(problem, "problem");
        Objects.requireNonNull(rawEvent, "rawEvent");
    }
}
