package dev.larkinbox.domain.card;

import dev.larkinbox.domain.card.CardActionResult.Verdict;
import dev.larkinbox.domain.event.Delivery;
import dev.larkinbox.domain.inbox.BrowseFeedback;
import dev.larkinbox.domain.inbox.TriagedFeedback;
import dev.larkinbox.domain.ledger.EventLedger;
import dev.larkinbox.domain.person.People;
import dev.larkinbox.domain.person.Role;
import dev.larkinbox.domain.platform.LarkUnavailableException;
import dev.larkinbox.domain.reason.Reason;
import dev.larkinbox.domain.workflow.Actor;
import dev.larkinbox.domain.workflow.FeedbackNotFoundException;
import dev.larkinbox.domain.workflow.ImpossibleTransitionException;
import dev.larkinbox.domain.workflow.WorkFeedbackOnce;
import dev.larkinbox.domain.workflow.WorkedFeedback;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * Applies card clicks through the workflow, as the Lark user who clicked, when their role lets them work feedback
 * ({@link Clickers}): anyone else, or a viewer, is told so and nothing changes.
 */
public final class CardActionService implements ApplyCardAction {
    private final WorkFeedbackOnce workflow;
    private final BrowseFeedback inbox;
    private final EventLedger ledger;
    private final URI publicUrl;
    private final Clickers clickers;
    private final People people;

    /**
     * @param publicUrl where the web inbox is served, for the card's link; null for none
     * @param people    whose names cards show
     */
    public CardActionService(WorkFeedbackOnce workflow, BrowseFeedback inbox, EventLedger ledger, URI publicUrl,
                             Clickers clickers, People people) {
        this.people = Objects.requireNonNull(people, "people");
        this.workflow = Objects.requireNonNull(workflow, "workflow");
        this.clickers = Objects.requireNonNull(clickers, "clickers");
        this.inbox = Objects.requireNonNull(inbox, "inbox");
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.publicUrl = publicUrl;
    }

    @Override
    public CardActionResult apply(ApplyCardActionCommand command) {
        // a replayed click is answered from what is, before the workflow could refuse what it already did
        if (ledger.entry(command.meta().eventId()).isPresent()) {
            return current(command, Verdict.REPEATED, Reason.of("card.repeated"));
        }
        Optional<Role> role;
        try {
            role = clickers.roleOf(command.openId());
        } catch (LarkUnavailableException e) {
            return current(command, Verdict.REFUSED, Reason.of("card.lark-unavailable"));
        }
        if (role.isEmpty()) {
            return current(command, Verdict.REFUSED, Reason.of("card.stranger"));
        }
        if (!role.get().mayWork()) {
            return current(command, Verdict.REFUSED, Reason.of("card.viewer"));
        }
        try {
            WorkedFeedback worked = workflow.workOnce(command.meta(), command.rawEvent(),
                    command.action().command(command.feedbackId(), Actor.larkUser(command.openId())));
            return worked.delivery() == Delivery.DUPLICATE
                    ? new CardActionResult(Verdict.REPEATED, Reason.of("card.repeated"), card(worked.feedback()))
                    : new CardActionResult(Verdict.DONE, command.action().done(), card(worked.feedback()));
        } catch (ImpossibleTransitionException e) {
            return current(command, Verdict.REFUSED, e.transition().reason());
        } catch (FeedbackNotFoundException e) {
            return new CardActionResult(Verdict.UNKNOWN_FEEDBACK, Reason.of("card.unknown-feedback"), null);
        }
    }

    private CardActionResult current(ApplyCardActionCommand command, Verdict verdict, Reason message) {
        Optional<TriagedFeedback> item = inbox.find(command.feedbackId());
        return item.isEmpty() ? new CardActionResult(Verdict.UNKNOWN_FEEDBACK, Reason.of("card.unknown-feedback"), null)
                : new CardActionResult(verdict, message, card(item.get()));
    }

    private FeedbackCard card(TriagedFeedback item) {
        return FeedbackCard.of(item, publicUrl, people);
    }
}
