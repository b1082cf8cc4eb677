package dev.larkinbox.domain.inbox;

import dev.larkinbox.domain.event.CompletedFutures;
import dev.larkinbox.domain.event.Delivery;
import dev.larkinbox.domain.paging.Page;
import dev.larkinbox.domain.paging.PageRequest;
import dev.larkinbox.domain.paging.Pages;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

/** Outgoing port: the stored inbox of triaged feedback. */
public interface FeedbackInbox {

    /**
     * Stores the feedback with its ledger entry in one transaction. An event id seen before (of any type), or
     * a feedback id already in the inbox under another event of the same app, stores nothing and is a
     * {@link Delivery#DUPLICATE}, also when two deliveries race. The feedback id already in the inbox for
     * another app stores nothing in the inbox either: the event is kept raw as a {@link Delivery#CONFLICT}.
     *
     * @param rawEvent the event JSON as received
     * @param announce  whether its chat card is to be posted: the card outbox entry is written in the same
     *                  transaction (see {@link dev.larkinbox.domain.card.CardOutbox})
     * @throws dev.larkinbox.domain.event.StorageUnavailableException when nothing could be committed
     */
    Delivery add(TriagedFeedback item, String rawEvent, boolean announce);

    /**
     * As {@link #add(TriagedFeedback, String, boolean)}, answered by a future once committed, so that no thread
     * waits for the commit; it fails as {@code add} throws.
     */
    default CompletableFuture<FeedbackArrival> addAsync(TriagedFeedback item, String rawEvent, boolean announce) {
        return CompletedFutures.now(() -> FeedbackArrival.unchecked(add(item, rawEvent, announce)));
    }

    /** Stores the feedback without a chat card. */
    default Delivery add(TriagedFeedback item, String rawEvent) {
        return add(item, rawEvent, false);
    }

    /** The feedback {@link FeedbackFilter#matches matching} the filter, in the order asked for. */
    Page<TriagedFeedback> list(FeedbackFilter filter, FeedbackOrder order, PageRequest page);

    /**
     * Every feedback {@link FeedbackFilter#matches matching} the filter, in the order asked for, read as the stream
     * is used, never all at once. Close it: that ends the read. This default reads a page at a time.
     */
    default Stream<TriagedFeedback> stream(FeedbackFilter filter, FeedbackOrder order) {
        return Pages.all(PageRequest.MAX_LIMIT, page -> list(filter, order, page));
    }

    Optional<TriagedFeedback> find(String feedbackId);

    /** How many feedback {@link FeedbackFilter#matches match} the filter. */
    long count(FeedbackFilter filter);

    /**
     * How many match each filter, in its order: in one read where the store can, and where counting every match would
     * read them all, {@link MatchCount#more more than} its cap (this default counts each, exactly).
     */
    default List<MatchCount> counts(List<FeedbackFilter> filters) {
        return filters.stream().map(f -> MatchCount.exact(count(f))).toList();
    }

    /** The counts of the window (of its app, when it names one); feedback of days after {@code now}'s is not counted. */
    InboxSummary summarize(SummaryWindow window);
}
