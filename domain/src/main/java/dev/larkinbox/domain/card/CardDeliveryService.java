package dev.larkinbox.domain.card;

import dev.larkinbox.domain.inbox.FeedbackInbox;
import dev.larkinbox.domain.inbox.TriagedFeedback;
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
    private final LarkChat chat;
    private final URI publicUrl;

    /** @param publicUrl where the web inbox is served, for the card's link; null for none */
    public CardDeliveryService(CardOutbox outbox, FeedbackInbox inbox, LarkChat chat, URI publicUrl, Backoff backoff,
                               Duration lease, int batchSize, int maxRefusals, Clock clock) {
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        this.inbox = Objects.requireNonNull(inbox, "inbox");
        this.chat = Objects.requireNonNull(chat, "chat");
        this.publicUrl = publicUrl;
        this.drain = new OutboxDrain<>(outbox, this::send, backoff, lease, batchSize, maxRefusals, clock);
    }

    @Override
    public SyncReport sendDue() {
        return drain.drain();
    }

    private void send(PendingCard pending) {
        TriagedFeedback item = inbox.find(pending.feedbackId())
                .orElseThrow(() -> new IllegalStateException("card outbox entry " + pending.id() + " names no feedback"));
        FeedbackCard card = FeedbackCard.of(item, publicUrl);
        switch (pending.kind()) {
            case POST -> outbox.messagePosted(pending.id(), chat.post(card));
            case UPDATE -> {
                // without a message (its post was given up) there is no card to keep true
                if (pending.messageId() != null) {
                    chat.update(pending.messageId(), card);
                }
            }
        }
    }
}
