package dev.larkinbox.domain.inbox;

import dev.larkinbox.domain.event.CompletedFutures;
import dev.larkinbox.domain.event.Delivery;
import java.util.concurrent.CompletableFuture;

/** Use case: triage a new feedback into the inbox, once per event and once per feedback id. */
public interface TriageFeedback {
    Delivery triage(TriageFeedbackCommand command);

    /** As {@link #triage}, answered by a future once committed, so that no thread waits for the commit. */
    default CompletableFuture<FeedbackArrival> triageAsync(TriageFeedbackCommand command) {
        return CompletedFutures.now(() -> FeedbackArrival.unchecked(triage(command)));
    }
}
