package dev.larkinbox.inbound.http.support;

import dev.larkinbox.domain.event.Delivery;
import dev.larkinbox.domain.image.ViewImages;
import dev.larkinbox.domain.inbox.InboxService;
import dev.larkinbox.domain.ledger.LedgerService;
import dev.larkinbox.domain.recovery.LarkFeedbackListing;
import dev.larkinbox.domain.recovery.ListedFeedback;
import dev.larkinbox.domain.recovery.ListedPage;
import dev.larkinbox.domain.recovery.RecoveryService;
import dev.larkinbox.domain.problem.BrowseProblemsService;
import dev.larkinbox.domain.problem.GroupNewFeedbackService;
import dev.larkinbox.domain.problem.MergeProblemsService;
import dev.larkinbox.domain.problem.WorkProblemService;
import dev.larkinbox.domain.reply.ReplyService;
import dev.larkinbox.domain.revocation.RevocationService;
import dev.larkinbox.domain.testing.InMemoryGuessCounts;
import dev.larkinbox.domain.testing.InMemoryPeople;
import dev.larkinbox.domain.testing.InMemoryServices;
import dev.larkinbox.domain.person.TokenGuesses;
import dev.larkinbox.domain.testing.InMemoryPersonalTokens;
import dev.larkinbox.domain.testing.InMemoryStore;
import dev.larkinbox.domain.triage.DefaultTriagePolicy;
import dev.larkinbox.domain.version.VersionService;
import dev.larkinbox.domain.workflow.ApplyLarkStatus;
import dev.larkinbox.domain.workflow.ApplyLarkStatusCommand;
import dev.larkinbox.domain.workflow.BulkWork;
import dev.larkinbox.domain.workflow.WorkflowService;
import dev.larkinbox.inbound.lark.IntakeListener;
import dev.larkinbox.inbound.lark.IntakeUseCases;
import dev.larkinbox.inbound.lark.LarkEventIntake;
import dev.larkinbox.inbound.lark.fixtures.Intakes;
import dev.larkinbox.inbound.lark.fixtures.SummaryCards;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;

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

    /** Status sync on: its outbox entries show in the store, as no worker drains them here. */
    @Singleton
    InMemoryServices services(InMemoryStore store) {
        return InMemoryServices.over(store, true);
    }

    /** Replies are recorded in the store; nothing sends them here. */
    @Singleton
    ReplyService replies(InMemoryStore store) {
        return new ReplyService(store, store, store.reporters(), Clock.systemUTC());
    }

    @Singleton
    InboxService inbox(InMemoryServices services) {
        return services.inbox();
    }

    @Singleton
    RevocationService revocations(InMemoryServices services) {
        return services.revocations();
    }

    @Singleton
    VersionService versions(InMemoryServices services) {
        return services.versions();
    }

    @Singleton
    WorkflowService workflow(InMemoryServices services) {
        return services.workflow();
    }

    @Singleton
    BulkWork bulk(InMemoryStore store, WorkflowService workflow) {
        return new BulkWork(store, workflow);
    }

    @Singleton
    GroupNewFeedbackService grouping(InMemoryServices services) {
        return services.grouping();
    }

    @Singleton
    BrowseProblemsService problems(InMemoryServices services) {
        return services.problems();
    }

    @Singleton
    WorkProblemService workProblems(InMemoryServices services) {
        return services.workProblems();
    }

    @Singleton
    MergeProblemsService mergeProblems(InMemoryServices services) {
        return services.mergeProblems();
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

    /** No image is kept here: the images' own tests run on PostgreSQL (ImagesAcrossRestart, PostgresImagesTest). */
    @Singleton
    ViewImages images(InMemoryStore store) {
        return store.images();
    }

    @Singleton
    InMemoryPeople people() {
        return new InMemoryPeople();
    }

    @Singleton
    InMemoryPersonalTokens personalTokens(InMemoryPeople people) {
        return new InMemoryPersonalTokens(people);
    }

    @Singleton
    TokenGuesses tokenGuesses() {
        return new TokenGuesses(new InMemoryGuessCounts(), Clock.systemUTC());
    }

    @Singleton
    WaitingThreads waitingThreads() {
        return new WaitingThreads();
    }

    /**
     * As the app wires it, with the blocking pool for what waits for the store; statuses set in Lark (a use case
     * that answers once committed) go through a wrapper that notes the thread, to show where it runs.
     */
    @Singleton
    LarkEventIntake intake(RevocationService revocations, VersionService versions, InboxService inbox,
                           WorkflowService workflow, InMemoryStore store, WaitingThreads threads,
                           @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        ApplyLarkStatus statuses = new ApplyLarkStatus() {
            @Override
            public Delivery apply(ApplyLarkStatusCommand command) {
                threads.seen.add(Thread.currentThread());
                return workflow.apply(command);
            }

            @Override
            public void applyAwaited(String feedbackId) {
                workflow.applyAwaited(feedbackId);
            }
        };
        return new LarkEventIntake(new IntakeUseCases(revocations, versions, inbox, statuses,
                Intakes.cards(workflow, inbox, store), new LedgerService(store)), SummaryCards::render,
                Clock.systemUTC(), IntakeListener.NONE, blocking);
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

    /** The threads statuses set in Lark were applied on, oldest first. */
    public static final class WaitingThreads {
        private final Queue<Thread> seen = new ConcurrentLinkedQueue<>();

        public List<Thread> seen() {
            return List.copyOf(seen);
        }
    }
}
