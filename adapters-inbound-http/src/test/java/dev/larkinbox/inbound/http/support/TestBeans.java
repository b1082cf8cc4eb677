package dev.larkinbox.inbound.http.support;

import dev.larkinbox.domain.inbox.InboxService;
import dev.larkinbox.domain.ledger.LedgerService;
import dev.larkinbox.domain.revocation.RevocationService;
import dev.larkinbox.domain.testing.InMemoryStore;
import dev.larkinbox.domain.triage.DefaultTriagePolicy;
import dev.larkinbox.inbound.lark.LarkEventIntake;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/** What the app module provides in production, here over the in-memory store. */
@Factory
public class TestBeans {

    @Singleton
    InMemoryStore store() {
        return new InMemoryStore();
    }

    @Singleton
    InboxService inbox(InMemoryStore store) {
        return new InboxService(store, new DefaultTriagePolicy());
    }

    @Singleton
    RevocationService revocations(InMemoryStore store) {
        return new RevocationService(store);
    }

    @Singleton
    TriagingThreads triagingThreads() {
        return new TriagingThreads();
    }

    /** Feedback is triaged through a wrapper that notes the thread, to show where webhook handling runs. */
    @Singleton
    LarkEventIntake intake(RevocationService revocations, InboxService inbox, InMemoryStore store,
                           TriagingThreads threads) {
        return new LarkEventIntake(revocations, command -> {
            threads.seen.add(Thread.currentThread());
            return inbox.triage(command);
        }, new LedgerService(store), Clock.systemUTC());
    }

    /** The threads feedback was triaged on, oldest first. */
    public static final class TriagingThreads {
        private final Queue<Thread> seen = new ConcurrentLinkedQueue<>();

        public List<Thread> seen() {
            return List.copyOf(seen);
        }
    }
}
