package dev.larkinbox.domain.card;

import dev.larkinbox.domain.validation.Text;
import dev.larkinbox.domain.sync.OutboxEntry;
import java.util.Objects;

/**
 * A card outbox entry not yet taken by Lark: post the feedback's card, update the card posted before, or announce a
 * problem's spike or regression.
 *
 * @param feedbackId of a feedback's card; for a regression the report that reopened the problem; null for a spike
 * @param messageId  for an update, the message the card was posted as; null when its post was given up
 * @param problemId  of a spike or regression; null for a feedback's card
 * @param occasion   what a spike or regression card announces, once: the spike's start, or the reopening report
 */
public record PendingCard(long id, String feedbackId, Kind kind, String messageId, int attempts, int refusals,
                          String problemId, String occasion) implements OutboxEntry {

    public enum Kind {
        POST, UPDATE, SPIKE, REGRESSION;

        /** A card about a problem rather than one feedback. */
        public boolean announcesProblem() {
            return this == SPIKE || this == REGRESSION;
        }
    }

    public PendingCard {
        Objects.requireNonNull(kind, "kind");
        if (kind.announcesProblem()) {
            Text.requireNonBlank(problemId, "problemId");
            Text.requireNonBlank(occasion, "occasion");
        } else {
            Text.requireNonBlank(feedbackId, "feedbackId");
        }
        if (refusals < 0 || attempts < refusals) {
            throw new IllegalArgumentException("need 0 <= refusals <= attempts");
        }
    }

    /** A feedback's card. */
    public PendingCard(long id, String feedbackId, Kind kind, String messageId, int attempts, int refusals) {
        this(id, feedbackId, kind, messageId, attempts, refusals, null, null);
    }
}
