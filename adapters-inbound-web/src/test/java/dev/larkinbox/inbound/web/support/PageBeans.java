package dev.larkinbox.inbound.web.support;

import dev.larkinbox.domain.image.ViewImages;
import dev.larkinbox.domain.inbox.InboxService;
import dev.larkinbox.domain.preference.PersonPreferences;
import dev.larkinbox.domain.problem.BrowseProblemsService;
import dev.larkinbox.domain.problem.FindLikelyDuplicatesService;
import dev.larkinbox.domain.problem.GroupNewFeedbackService;
import dev.larkinbox.domain.problem.MergeProblemsService;
import dev.larkinbox.domain.problem.WorkProblemService;
import dev.larkinbox.domain.reply.ReplyService;
import dev.larkinbox.domain.reply.ReporterFeedback;
import dev.larkinbox.domain.revocation.RevocationService;
import dev.larkinbox.domain.person.TokenGuesses;
import dev.larkinbox.domain.testing.InMemoryGuessCounts;
import dev.larkinbox.domain.testing.InMemoryPeople;
import dev.larkinbox.domain.testing.InMemoryPersonalTokens;
import dev.larkinbox.domain.testing.InMemoryPreferences;
import dev.larkinbox.domain.testing.InMemorySessions;
import dev.larkinbox.domain.testing.InMemoryServices;
import dev.larkinbox.domain.testing.InMemoryStore;
import dev.larkinbox.domain.version.VersionService;
import dev.larkinbox.domain.testing.InMemorySavedViews;
import dev.larkinbox.domain.view.ViewService;
import dev.larkinbox.domain.workflow.BulkWork;
import dev.larkinbox.domain.workflow.WorkflowService;
import dev.larkinbox.inbound.web.access.TokenCheck;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * The use cases the pages call, as the app wires them, over the domain's in-memory store instead of PostgreSQL:
 * the pages are tested against the real rules, with no database.
 */
@Factory
public class PageBeans {
    /** The token a person signs in with, as {@code inbox.api-token} is in production. */
    public static final String TOKEN = "web-page-test-token";
    public static final String DEFAULT_USER = "inbox";

    @Singleton
    InMemoryStore store() {
        return new InMemoryStore();
    }

    @Singleton
    InMemoryPeople people() {
        return new InMemoryPeople();
    }

    @Singleton
    InMemorySessions sessions(InMemoryPeople people) {
        return new InMemorySessions(people);
    }

    @Singleton
    InMemoryPersonalTokens personalTokens(InMemoryPeople people) {
        return new InMemoryPersonalTokens(people);
    }

    @Singleton
    TokenGuesses guesses() {
        return new TokenGuesses(new InMemoryGuessCounts(), Clock.systemUTC());
    }

    /** Status sync off: the pages never see Lark. */
    @Singleton
    InMemoryServices services(InMemoryStore store, InMemoryPeople people) {
        return InMemoryServices.over(store, false, people);
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

    @Singleton
    FindLikelyDuplicatesService likelyDuplicates(InMemoryServices services) {
        return services.likelyDuplicates();
    }

    /** Replies are recorded in the store; nothing sends them here. */
    @Singleton
    ReplyService replies(InMemoryStore store) {
        return new ReplyService(store, store, store.reporters(), Clock.systemUTC());
    }

    @Singleton
    ReporterFeedback reporterFeedback(InMemoryStore store) {
        return store.reporterFeedback();
    }

    /** No image is kept here: the images' own tests run on PostgreSQL (ImagesAcrossRestart, PostgresImagesTest). */
    @Singleton
    ViewImages images(InMemoryStore store) {
        return store.images();
    }

    @Singleton
    ViewService views() {
        return new ViewService(new InMemorySavedViews());
    }

    @Singleton
    PersonPreferences preferences() {
        return new InMemoryPreferences();
    }

    @Singleton
    TokenCheck token(@Value("${test.lark-sign-in:false}") boolean larkSignIn) {
        return new TokenCheck() {
            @Override
            public boolean accepts(String presented) {
                return TOKEN.equals(presented);
            }

            @Override
            public boolean authorizes(String authorization) {
                return ("Bearer " + TOKEN).equals(authorization);
            }

            @Override
            public boolean signsIn() {
                return !larkSignIn;
            }

            @Override
            public String holderName() {
                return DEFAULT_USER;
            }
        };
    }
}
