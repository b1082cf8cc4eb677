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
 * @param outcome   stored, ignored (a type not handled), malformed (kept raw for a person), or duplicate (received
 *                  before: nothing new was stored)
 * @param duplicate true when the outcome is duplicate; kept for the clients that read it before the outcome said so
 */
@Serdeable.Serializable(naming = SnakeCaseStrategy.class)
record Acknowledgement(String eventId, String outcome, boolean duplicate) {
    static final String DUPLICATE = "duplicate";

    Acknowledgement {
        Text.requireNonBlank(eventId, "eventId");
        Text.requireNonBlank(outcome, "outcome");
    }

    static Acknowledgement of(Intake intake) {
        boolean duplicate = intake.delivery() == Delivery.DUPLICATE;
        return new Acknowledgement(intake.eventId(), duplicate ? DUPLICATE : intake.outcome().label(), duplicate);
    }
}
