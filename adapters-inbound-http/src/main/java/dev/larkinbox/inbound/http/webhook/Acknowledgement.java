package dev.larkinbox.inbound.http.webhook;

import dev.larkinbox.domain.event.Delivery;
import dev.larkinbox.domain.event.Text;
import dev.larkinbox.inbound.lark.Intake;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

/**
 * The 200 answer to an event, sent only after it was committed. Lark only looks at the status; the body tells a
 * person replaying an event what became of it.
 *
 * @param outcome   stored, ignored (a type not handled) or malformed (kept raw for a person)
 * @param duplicate true when the event had been received before and nothing new was stored
 */
@Serdeable.Serializable(naming = SnakeCaseStrategy.class)
record Acknowledgement(String eventId, String outcome, boolean duplicate) {
    Acknowledgement {
        Text.requireNonBlank(eventId, "eventId");
        Text.requireNonBlank(outcome, "outcome");
    }

    static Acknowledgement of(Intake intake) {
        return new Acknowledgement(intake.eventId(), intake.outcome().label(), intake.delivery() == Delivery.DUPLICATE);
    }
}
