package dev.larkinbox.inbound.web.support;

import dev.larkinbox.domain.inbox.InboxService;
import dev.larkinbox.domain.problem.DefaultGroupingPolicy;
import dev.larkinbox.domain.problem.DefaultSpikePolicy;
import dev.larkinbox.domain.problem.ProblemService;
import dev.larkinbox.domain.problem.SpikeSettings;
import dev.larkinbox.domain.revocation.RevocationService;
import dev.larkinbox.domain.testing.InMemoryStore;
import dev.larkinbox.domain.triage.DefaultTriagePolicy;
import dev.larkinbox.domain.version.VersionService;
import dev.larkinbox.domain.workflow.Actor;
import dev.larkinbox.domain.workflow.WorkflowService;
import dev.larkinbox.inbound.web.access.TokenCheck;
import io.micronaut.context.annotation.Factory;
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

    @Singleton
    WorkflowService workflow(InMemoryStore store) {
        return new WorkflowService(store, store, store, false, Clock.systemUTC());
    }

    @Singleton
    ProblemService problems(InMemoryStore store, WorkflowService workflow) {
        return new ProblemService(store.problems(), store.problems(), workflow, new DefaultGroupingPolicy(),
                new DefaultSpikePolicy(), SpikeSettings.DEFAULTS.history(), false, Clock.systemUTC());
    }

    @Singleton
    TokenCheck token() {
        return new TokenCheck() {
            @Override
            public boolean accepts(String presented) {
                return TOKEN.equals(presented);
            }

            @Override
            public Actor defaultActor() {
                return Actor.user(DEFAULT_USER);
            }
        };
    }
}
