package dev.larkinbox.app;

import dev.larkinbox.domain.card.CardActionService;
import dev.larkinbox.domain.card.Clickers;
import dev.larkinbox.domain.card.NotificationPolicy;
import dev.larkinbox.domain.image.ImageCopies;
import dev.larkinbox.domain.image.ImageQueue;
import dev.larkinbox.domain.image.ImageService;
import dev.larkinbox.domain.inbox.FeedbackInbox;
import dev.larkinbox.domain.inbox.InboxService;
import dev.larkinbox.domain.ledger.EventLedger;
import dev.larkinbox.domain.ledger.LedgerService;
import dev.larkinbox.domain.person.People;
import dev.larkinbox.domain.problem.BrowseProblemsService;
import dev.larkinbox.domain.problem.DefaultGroupingPolicy;
import dev.larkinbox.domain.problem.DefaultSpikePolicy;
import dev.larkinbox.domain.problem.FindLikelyDuplicatesService;
import dev.larkinbox.domain.problem.GroupNewFeedbackService;
import dev.larkinbox.domain.problem.LikelyDuplicatePolicy;
import dev.larkinbox.domain.problem.MergeProblemsService;
import dev.larkinbox.domain.problem.ProblemBoard;
import dev.larkinbox.domain.problem.ProblemStore;
import dev.larkinbox.domain.problem.SpikeSettings;
import dev.larkinbox.domain.problem.WorkProblemService;
import dev.larkinbox.domain.reply.ReplyService;
import dev.larkinbox.domain.reply.ReporterOutbox;
import dev.larkinbox.domain.revocation.RevocationHistory;
import dev.larkinbox.domain.revocation.RevocationService;
import dev.larkinbox.domain.sync.Backoff;
import dev.larkinbox.domain.sync.StatusOutbox;
import dev.larkinbox.domain.triage.DefaultTriagePolicy;
import dev.larkinbox.domain.version.VersionService;
import dev.larkinbox.domain.version.VersionSteps;
import dev.larkinbox.domain.version.VersionTimeline;
import dev.larkinbox.domain.view.SavedViews;
import dev.larkinbox.domain.view.ViewService;
import dev.larkinbox.domain.workflow.BulkWork;
import dev.larkinbox.domain.workflow.FeedbackWorkflowStore;
import dev.larkinbox.domain.workflow.WorkflowService;
import dev.larkinbox.inbound.lark.IntakeListener;
import dev.larkinbox.inbound.lark.IntakeUseCases;
import dev.larkinbox.inbound.lark.LarkEventIntake;
import dev.larkinbox.outbound.lark.LarkCardJson;
import dev.larkinbox.outbound.lark.image.HttpImageSource;
import io.micronaut.context.annotation.Factory;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The plain-Java domain and intake, made into beans over the database adapter's ports. */
@Factory
class DomainWiring {
    private static final Logger LOG = LoggerFactory.getLogger(DomainWiring.class);
    private static final int IMAGE_BATCH = 5;

    /** Cards are posted only where a chat is named and Lark can be called. */
    @Singleton
    NotificationPolicy notifications(NotifyConfig notify, LarkConfig lark) {
        NotificationPolicy policy = notify.policy(lark.hasCredentials());
        if (policy.equals(NotificationPolicy.OFF)) {
            LOG.info("chat cards are off: {}", notify.chatId() == null ? "inbox.notify.chat-id is not set"
                    : "lark.app-id and lark.app-secret are not set");
        }
        return policy;
    }

    @Singleton
    InboxService inbox(FeedbackInbox inbox, NotificationPolicy notifications) {
        return new InboxService(inbox, new DefaultTriagePolicy(), notifications);
    }

    @Singleton
    CardActionService cardActions(WorkflowService workflow, InboxService inbox, EventLedger ledger,
                                  PublicUrlConfig links, Clickers clickers, People people) {
        return new CardActionService(workflow, inbox, ledger, links.publicUrl(), clickers, people);
    }

    @Singleton
    RevocationService revocations(RevocationHistory history) {
        return new RevocationService(history);
    }

    @Singleton
    VersionService versions(VersionSteps steps, VersionTimeline timeline) {
        return new VersionService(steps, timeline);
    }

    @Singleton
    ViewService views(SavedViews store) {
        return new ViewService(store);
    }

    @Singleton
    LedgerService ledger(EventLedger ledger) {
        return new LedgerService(ledger);
    }

    /** With status sync off, changes are kept but nothing is queued for Lark. */
    @Singleton
    WorkflowService workflow(FeedbackInbox inbox, FeedbackWorkflowStore store, StatusOutbox outbox,
                             LarkConfig lark, SyncConfig config, ReporterConfig reporter) {
        boolean sync = lark.hasCredentials() && config.syncToLark();
        if (!sync) {
            LOG.info("status sync to Lark is off: {}", lark.hasCredentials()
                    ? "inbox.sync-to-lark is false" : "lark.app-id and lark.app-secret are not set");
        }
        if (reporter.notifyOnResolve() && !lark.hasCredentials()) {
            LOG.info("reporters are not told of resolutions: lark.app-id and lark.app-secret are not set");
        }
        return new WorkflowService(inbox, store, outbox, sync, reporter.notice(lark.hasCredentials()),
                Clock.systemUTC());
    }

    /** A bulk change is each feedback's change through the workflow, so that each is synced as a single one is. */
    @Singleton
    BulkWork bulk(FeedbackInbox inbox, WorkflowService workflow) {
        return new BulkWork(inbox, workflow);
    }

    /** Replies wait in the outbox for the app's credentials, which send them. */
    @Singleton
    ReplyService replies(FeedbackInbox inbox, FeedbackWorkflowStore store, ReporterOutbox outbox) {
        return new ReplyService(inbox, store, outbox, Clock.systemUTC());
    }

    /** Spikes and regressions are announced where feedback cards are: a chat is named and Lark can be called. */
    @Singleton
    GroupNewFeedbackService grouping(ProblemStore store, NotificationPolicy notifications, ProblemsConfig config) {
        SpikeSettings spikes = config.spike().settings();
        return new GroupNewFeedbackService(store, new DefaultGroupingPolicy(), new DefaultSpikePolicy(spikes),
                spikes.history(), !notifications.equals(NotificationPolicy.OFF), Clock.systemUTC());
    }

    @Singleton
    BrowseProblemsService problems(ProblemBoard board) {
        return new BrowseProblemsService(board);
    }

    @Singleton
    WorkProblemService workProblems(ProblemStore store, ProblemBoard board, WorkflowService workflow) {
        return new WorkProblemService(store, board, workflow);
    }

    @Singleton
    MergeProblemsService mergeProblems(ProblemStore store, ProblemBoard board, People people) {
        return new MergeProblemsService(store, board, people);
    }

    @Singleton
    FindLikelyDuplicatesService likelyDuplicates(ProblemBoard board) {
        return new FindLikelyDuplicatesService(board, new LikelyDuplicatePolicy());
    }

    /**
     * Images are fetched whether or not Lark's API is configured: their URLs are signed, no credential is needed.
     * A claimed image is leased far longer than a batch of fetches takes at its timeout.
     */
    @Singleton
    ImageService images(ImageQueue queue, ImageCopies copies, ImagesConfig config, SyncConfig sync) {
        SyncConfig.Backoff backoff = sync.sync().backoff();
        return new ImageService(queue, copies, new HttpImageSource(config.rules(), config.timeout()), config.rules(),
                new Backoff(backoff.first(), backoff.max()), config.timeout().multipliedBy(IMAGE_BATCH * 2L),
                IMAGE_BATCH, Clock.systemUTC());
    }

    /**
     * What waits for the store runs on the blocking pool: the use cases that answer once committed, and what
     * follows a commit and reads the store again; never a Netty event loop, never a committer.
     */
    @Singleton
    LarkEventIntake intake(RevocationService revocations, VersionService versions, InboxService inbox,
                           WorkflowService workflow, CardActionService cards, LedgerService ledger,
                           IntakeListener listener, @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        return new LarkEventIntake(new IntakeUseCases(revocations, versions, inbox, workflow, cards, ledger),
                LarkCardJson::card, Clock.systemUTC(), listener, blocking);
    }
}
