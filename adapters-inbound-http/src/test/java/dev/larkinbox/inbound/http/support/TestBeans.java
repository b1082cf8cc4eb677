package dev.larkinbox.inbound.http.support;

import dev.larkinbox.domain.card.CardActionService;
import dev.larkinbox.domain.inbox.InboxService;
import dev.larkinbox.domain.ledger.LedgerService;
import dev.larkinbox.domain.recovery.LarkFeedbackListing;
import dev.larkinbox.domain.recovery.ListedFeedback;
import dev.larkinbox.domain.recovery.ListedPage;
import dev.larkinbox.domain.recovery.RecoveryService;
import dev.larkinbox.domain.problem.DefaultGroupingPolicy;
import dev.larkinbox.domain.problem.DefaultSpikePolicy;
import dev.larkinbox.domain.problem.ProblemService;
import dev.larkinbox.domain.problem.SpikeSettings;
import dev.larkinbox.domain.revocation.RevocationService;
import dev.larkinbox.domain.testing.InMemoryStore;
import dev.larkinbox.domain.triage.DefaultTriagePolicy;
import dev.larkinbox.domain.version.VersionService;
import dev.larkinbox.domain.workflow.WorkflowService;
import dev.larkinbox.inbound.lark.LarkEventIntake;
import dev.larkinbox.inbound.lark.fixtures.SummaryCards;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What the app module provides in production, here over the in-memory store. Only where the store is: the app's
 * tests may see these classes (a reactor build without package), never the domain's test-jar.
 */
@Factory
@Requires(classes = InMemoryStore.class)
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
    VersionService versions(InMemoryStore store) {
        return new VersionService(store, store);
    }

    /** Status sync on: its outbox entries show in the store, as no worker drains them here. */
    @Singleton
    WorkflowService workflow(InMemoryStore store) {
        return new WorkflowService(store, store, store, true, Clock.systemUTC());
    }

    /** Problems over the store; a test groups what it stored by calling the use case. */
    @Singleton
    ProblemService problems(InMemoryStore store, WorkflowService workflow) {
        return new ProblemService(store.problems(), store.problems(), workflow, new DefaultGroupingPolicy(),
                new DefaultSpikePolicy(), SpikeSettings.DEFAULTS.history(), false, Clock.systemUTC());
    }

    /** Lark's listing, as a test sets it: only with {@code test.recovery=on}, else recovery is not configured. */
    @Singleton
    @Requires(property = "test.recovery", value = "on")
    StubListing listing() {
        return new StubListing();
    }

    @Singleton
    @Requires(property = "test.recovery", value = "on")
    RecoveryService recovery(StubListing listing, InMemoryStore store) {
        return new RecoveryService(listing, store, store, new DefaultTriagePolicy(), List.of(StubListing.APP), 3,
                Clock.systemUTC());
    }

    @Singleton
    TriagingThreads triagingThreads() {
        return new TriagingThreads();
    }

    /** Feedback is triaged through a wrapper that notes the thread, to show where webhook handling runs. */
    @Singleton
    LarkEventIntake intake(RevocationService revocations, VersionService versions, InboxService inbox,
                           WorkflowService workflow, InMemoryStore store, TriagingThreads threads) {
        return new LarkEventIntake(revocations, versions, command -> {
            threads.seen.add(Thread.currentThread());
            return inbox.triage(command);
        }, workflow, new CardActionService(workflow, inbox, store, null), SummaryCards::render, new LedgerService(store),
                Clock.systemUTC());
    }


    /** Lark's feedback listing, one page of what a test put in it. */
    public static final class StubListing implements LarkFeedbackListing {
        public static final String APP = "cli_recovery_app";
        private final List<ListedFeedback> listed = new CopyOnWriteArrayList<>();

        public void add(ListedFeedback feedback) {
            listed.add(feedback);
        }

        @Override
        public ListedPage list(String appId, Instant since, Instant until, String pageToken) {
            return new ListedPage(List.copyOf(listed), null);
        }
    }

    /** The threads feedback was triaged on, oldest first. */
    public static final class TriagingThreads {
        private final Queue<Thread> seen = new ConcurrentLinkedQueue<>();

        public List<Thread> seen() {
            return List.copyOf(seen);
        }
    }
}
