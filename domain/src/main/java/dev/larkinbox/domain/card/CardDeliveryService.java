package dev.larkinbox.domain.card;

import dev.larkinbox.domain.inbox.FeedbackInbox;
import dev.larkinbox.domain.person.People;
import dev.larkinbox.domain.inbox.TriagedFeedback;
import dev.larkinbox.domain.problem.ProblemBoard;
import dev.larkinbox.domain.sync.Backoff;
import dev.larkinbox.domain.sync.OutboxDrain;
import dev.larkinbox.domain.sync.SyncReport;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Drains the card outbox into the chat, as {@link OutboxDrain} does. Each card shows the feedback as it is when it
 * is sent, so an update that waited through an outage shows the latest state, not a stale one.
 */
public final class CardDeliveryService implements SendCards {
    private final OutboxDrain<PendingCard> drain;
    private final CardOutbox outbox;
    private final FeedbackInbox inbox;
    private final ProblemBoard problems;
    private final LarkChat chat;
    private final URI publicUrl;
    private final People people;

    /**
     * @param publicUrl where the web inbox is served, for the card's link; null for none
     * @param people    whose names cards show
     */
    public CardDeliveryService(CardOutbox outbox, FeedbackInbox inbox, ProblemBoard problems, LarkChat chat,
                               URI publicUrl, People people, Backoff backoff, Duration lease, int batchSize, int maxRefusals,
                               Clock clock) {
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        this.inbox = Objects.requireNonNull(inbox, "inbox");
        this.problems = Objects.requireNonNull(problems, "problems");
        this.chat = Objects.requireNonNull(chat, "chat");
        this.publicUrl = publicUrl;
        this.people = Objects.requireNonNull(people, "people");
        this.drain = new OutboxDrain<>(outbox, this::send, backoff, lease, batchSize, maxRefusals, clock);
    }

    @Override
    public SyncReport sendDue() {
        return drain.drain();
    }

    private void send(PendingCard pending) {
        switch (pending.kind()) {
            case POST -> outbox.messagePosted(pending.id(), chat.post(feedbackCard(pending)));
            case UPDATE -> {
                // without a message (its post was given up) there is no card to keep true
                if (pending.messageId() != null) {
                    chat.update(pending.messageId(), feedbackCard(pending));
                }
            }
            case SPIKE -> announce(pending, ProblemCard.Kind.SPIKE);
            case REGRESSION -> announce(pending, ProblemCard.Kind.REGRESSION);
        }
    }

    private FeedbackCard feedbackCard(PendingCard pending) {
        TriagedFeedback item = inbox.find(pending.feedbackId())
                .orElseThrow(() -> new IllegalStateException("card outbox entry " + pending.id() + " names no feedback"));
        return FeedbackCard.of(item, publicUrl, people);
    }

    /** A problem merged into another since has nothing left to announce. */
    private void announce(PendingCard pending, ProblemCard.Kind kind) {
        problems.find(pending.problemId()).ifPresent(problem -> chat.postProblem(ProblemCard.of(problem, kind,
                pending.occasion(), publicUrl)));
    }
}
