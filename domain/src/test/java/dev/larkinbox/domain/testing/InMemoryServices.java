package dev.larkinbox.domain.testing;

import dev.larkinbox.domain.inbox.InboxService;
import dev.larkinbox.domain.person.People;
import dev.larkinbox.domain.problem.BrowseProblemsService;
import dev.larkinbox.domain.problem.DefaultGroupingPolicy;
import dev.larkinbox.domain.problem.DefaultSpikePolicy;
import dev.larkinbox.domain.problem.FindLikelyDuplicatesService;
import dev.larkinbox.domain.problem.GroupNewFeedbackService;
import dev.larkinbox.domain.problem.LikelyDuplicatePolicy;
import dev.larkinbox.domain.problem.MergeProblemsService;
import dev.larkinbox.domain.problem.SpikeSettings;
import dev.larkinbox.domain.problem.WorkProblemService;
import dev.larkinbox.domain.revocation.RevocationService;
import dev.larkinbox.domain.triage.DefaultTriagePolicy;
import dev.larkinbox.domain.version.VersionService;
import dev.larkinbox.domain.workflow.WorkflowService;
import java.time.Clock;

/**
 * The domain's services over one in-memory store, wired as the app wires them over PostgreSQL: what an adapter's
 * tests call its use cases on. A test groups what it stored by calling {@link #grouping()}.
 */
public record InMemoryServices(InboxService inbox, RevocationService revocations, VersionService versions,
                               WorkflowService workflow, GroupNewFeedbackService grouping,
                               BrowseProblemsService problems, WorkProblemService workProblems,
                               MergeProblemsService mergeProblems, FindLikelyDuplicatesService likelyDuplicates) {

    /** @param syncToLark whether a change of status is queued for Lark (the store's outbox shows it) */
    public static InMemoryServices over(InMemoryStore store, boolean syncToLark) {
        return over(store, syncToLark, new InMemoryPeople());
    }

    /** @param people whose names a merge of problems gives */
    public static InMemoryServices over(InMemoryStore store, boolean syncToLark, People people) {
        var workflow = new WorkflowService(store, store, store, syncToLark, Clock.systemUTC());
        return new InMemoryServices(new InboxService(store, new DefaultTriagePolicy()), new RevocationService(store),
                new VersionService(store, store), workflow,
                new GroupNewFeedbackService(store.problems(), new DefaultGroupingPolicy(), new DefaultSpikePolicy(),
                        SpikeSettings.DEFAULTS.history(), false, Clock.systemUTC()),
                new BrowseProblemsService(store.problems()),
                new WorkProblemService(store.problems(), store.problems(), workflow),
                new MergeProblemsService(store.problems(), store.problems(), people),
                new FindLikelyDuplicatesService(store.problems(), new LikelyDuplicatePolicy()));
    }
}
