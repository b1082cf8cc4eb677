package dev.larkinbox.domain.testing;

import dev.larkinbox.domain.card.CardOutbox;
import dev.larkinbox.domain.inbox.FeedbackInbox;
import dev.larkinbox.domain.problem.ProblemBoard;
import dev.larkinbox.domain.problem.ProblemStore;
import java.util.Objects;

/** The ports of one store that problems use, as {@link ProblemPortsContract} exercises them together. */
public record ProblemPorts(FeedbackInbox inbox, ProblemStore problems, ProblemBoard board, CardOutbox cards) {
    public ProblemPorts {
        Objects.requireNonNull(inbox, "inbox");
        Objects.requireNonNull(problems, "problems");
        Objects.requireNonNull(board, "board");
        Objects.requireNonNull(cards, "cards");
    }

    public static ProblemPorts of(InMemoryStore store) {
        return new ProblemPorts(store, store.problems(), store.problems(), store.cards());
    }
}
