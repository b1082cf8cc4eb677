package dev.larkinbox.inbound.lark;

import dev.larkinbox.domain.card.ApplyCardAction;
import dev.larkinbox.domain.inbox.TriageFeedback;
import dev.larkinbox.domain.ledger.RecordUnhandledEvent;
import dev.larkinbox.domain.revocation.RecordRevocation;
import dev.larkinbox.domain.version.RecordVersionStep;
import dev.larkinbox.domain.workflow.ApplyLarkStatus;
import java.util.Objects;

/**
 * The domain's use cases a Lark event can reach, one per kind of event; every one is required, since every kind
 * of event Lark sends is handled.
 *
 * @param revocations takes revoked publish requests
 * @param versions    takes publish applications and reviews
 * @param inbox       takes new feedback
 * @param statuses    takes the statuses Lark's console sets
 * @param cards       takes the clicks on cards' buttons
 * @param ledger      keeps what is not one of them (ignored, malformed, a reused event id)
 */
public record IntakeUseCases(RecordRevocation revocations, RecordVersionStep versions, TriageFeedback inbox,
                             ApplyLarkStatus statuses, ApplyCardAction cards, RecordUnhandledEvent ledger) {
    public IntakeUseCases {
        Objects.requireNonNull(revocations, "revocations");
        Objects.requireNonNull(versions, "versions");
        Objects.requireNonNull(inbox, "inbox");
        Objects.requireNonNull(statuses, "statuses");
        Objects.requireNonNull(cards, "cards");
        Objects.requireNonNull(ledger, "ledger");
    }
}
