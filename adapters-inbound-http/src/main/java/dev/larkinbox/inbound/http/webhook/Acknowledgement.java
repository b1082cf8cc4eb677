package dev.larkinbox.inbound.http.webhook;

import dev.larkinbox.domain.event.Delivery;
import dev.larkinbox.domain.validation.Text;
import dev.larkinbox.inbound.lark.Intake;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

/**
 * The 200 answer to an event, sent only after it was committed. Lark only looks at the status; the body tells a
 * person replaying an event what became of it.
 *
 * @param outcome   stored, ignored (a type not handled), malformed (kept raw for a person), duplicate (received
 *                  before: nothing new was stored) or conflict (its event id came before with another body: this
 *                  one was kept aside raw)
 * @param duplicate true when the event id had come before (duplicate or conflict); kept for the clients that read
 *                  it before the outcome said so
 */
@Serdeable.Serializable(naming = SnakeCaseStrategy.class)
record Acknowledgement(String eventId, String outcome, boolean duplicate) {
    static final String DUPLICATE = "duplicate";
    static final String CONFLICT = "conflict";

    Acknowledgement {
        Text.requireNonBlank(eventId, "eventId");
        Text.requireNonBlank(outcome, "outcome");
    }

    static Acknowledgement of(Intake intake) {
        return switch (intake.delivery()) {
            case NEW -> new Acknowledgement(intake.eventId(), intake.outcome().label(), false);
            case DUPLICATE -> new Acknowledgement(intake.eventId(), DUPLICATE, true);
            case CONFLICT -> new Acknowledgement(intake.eventId(), CONFLICT, true);
        };
    }
}
