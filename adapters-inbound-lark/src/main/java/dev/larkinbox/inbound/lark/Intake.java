package dev.larkinbox.inbound.lark;

import dev.larkinbox.domain.event.Delivery;
import dev.larkinbox.domain.ledger.LedgerOutcome;

/** What became of one delivered event, once it is committed. */
public record Intake(String eventId, String eventType, LedgerOutcome outcome, Delivery delivery) {
}
