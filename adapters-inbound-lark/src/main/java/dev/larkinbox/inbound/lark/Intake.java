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

    /** The answer shows a card, with the description (personal data): it stays out of logs. */
    @Override
    public String toString() {
        return "Intake[eventId=" + eventId + ", eventType=" + eventType + ", outcome=" + outcome.label()
                + ", delivery=" + delivery + (answer == null ? "" : ", with an answer") + "]";
    }
}
