package dev.larkinbox.inbound.lark;

import com.google.gson.JsonObject;
import dev.larkinbox.domain.event.Delivery;
import dev.larkinbox.domain.ledger.LedgerOutcome;

/**
 * What became of one delivered event, once it is committed.
 *
 * @param answer what Lark is to show in reply (a card click's toast and updated card); null for an event that
 *               wants only its acknowledgement
 */
public record Intake(String eventId, String eventType, LedgerOutcome outcome, Delivery delivery, JsonObject answer) {

    public Intake(String eventId, String eventType, LedgerOutcome outcome, Delivery delivery) {
        this(eventId, eventType, outcome, delivery, null);
    }
}
