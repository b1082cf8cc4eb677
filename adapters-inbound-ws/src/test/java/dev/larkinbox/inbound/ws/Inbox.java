package dev.larkinbox.inbound.ws;

import dev.larkinbox.domain.inbox.FeedbackFilter;
import dev.larkinbox.domain.inbox.FeedbackOrder;
import dev.larkinbox.domain.inbox.InboxService;
import dev.larkinbox.domain.paging.Page;
import dev.larkinbox.domain.paging.PageRequest;
import dev.larkinbox.domain.revocation.RevocationFilter;
import dev.larkinbox.domain.testing.InMemoryStore;
import dev.larkinbox.domain.triage.DefaultTriagePolicy;
import dev.larkinbox.domain.workflow.WorkflowService;
import dev.larkinbox.inbound.lark.LarkEventIntake;
import dev.larkinbox.inbound.lark.fixtures.Intakes;
import dev.larkinbox.inbound.lark.fixtures.SummaryCards;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * The real intake over the in-memory store, as the long connection feeds it in production, with a call count.
 * Card clicks are taken; their answer shows the card as {@link SummaryCards} renders it.
 */
final class Inbox {
    final InMemoryStore store = new InMemoryStore();
    private final InboxService inbox = new InboxService(store, new DefaultTriagePolicy());
    final WorkflowService workflow = new WorkflowService(store, store, store, false, Clock.systemUTC());
    final LarkEventIntake intake = Intakes.over(store, inbox, workflow, Clock.systemUTC());

    final AtomicInteger sinkCalls = new AtomicInteger();

    EventSink sink() {
        EventSink production = EventSink.of(intake);
        return json -> {
            sinkCalls.incrementAndGet();
            return production.accept(json);
        };
    }

    boolean stored(String eventId) {
        return store.entry(eventId).isPresent();
    }

    int feedbackCount() {
        return count(page -> store.list(FeedbackFilter.ALL, FeedbackOrder.NEWEST, page));
    }

    int revocationCount() {
        return count(page -> store.list(RevocationFilter.ALL, page));
    }

    private static int count(Function<PageRequest, Page<?>> list) {
        int n = 0;
        String cursor = null;
        do {
            Page<?> page = list.apply(new PageRequest(PageRequest.MAX_LIMIT, cursor));
            n += page.items().size();
            cursor = page.nextCursor();
        } while (cursor != null);
        return n;
    }
}
