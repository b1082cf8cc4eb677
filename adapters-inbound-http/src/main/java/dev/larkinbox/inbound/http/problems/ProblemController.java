package dev.larkinbox.inbound.http.problems;

import dev.larkinbox.domain.problem.BrowseProblems;
import dev.larkinbox.domain.problem.MergeProblems;
import dev.larkinbox.domain.problem.MergeProblemsCommand;
import dev.larkinbox.domain.problem.ProblemFilter;
import dev.larkinbox.domain.problem.ProblemNotFoundException;
import dev.larkinbox.domain.problem.ProblemOrder;
import dev.larkinbox.domain.problem.WorkProblem;
import dev.larkinbox.domain.problem.WorkProblemCommand;
import dev.larkinbox.domain.workflow.Actor;
import dev.larkinbox.inbound.http.ApiDocument;
import dev.larkinbox.inbound.http.access.ApiCaller;
import dev.larkinbox.inbound.http.api.Changes;
import dev.larkinbox.inbound.http.api.ItemPage;
import dev.larkinbox.inbound.http.api.PageQuery;
import dev.larkinbox.inbound.http.api.Query;
import dev.larkinbox.inbound.http.api.StatusAndPriorityFilters;
import dev.larkinbox.inbound.http.inbox.FeedbackItem;
import dev.larkinbox.inbound.http.inbox.FeedbackItems;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.RequestBean;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import jakarta.validation.Valid;
import java.util.Set;

/**
 * Problems: similar feedback grouped, what the team works instead of each report. A feedback is grouped by the
 * grouping job shortly after it is stored (normally within a second). Blocking executor: the store is called
 * synchronously.
 */
@Controller("/api/problems")
@SecurityRequirement(name = ApiDocument.API_TOKEN)
@ExecuteOn(TaskExecutors.BLOCKING)
public class ProblemController {
    private static final Set<String> LIST_PARAMETERS = Set.of("app_id", "status", "priority", "spiking", "sort",
            "limit", "cursor");
    private static final Set<String> FEEDBACK_PARAMETERS = Set.of("limit", "cursor");

    private final BrowseProblems problems;
    private final WorkProblem work;
    private final MergeProblems merges;
    private final FeedbackItems items;

    ProblemController(BrowseProblems problems, WorkProblem work, MergeProblems merges, FeedbackItems items) {
        this.items = items;
        this.problems = problems;
        this.work = work;
        this.merges = merges;
    }

    /**
     * The problems. {@code status} and {@code priority} may be given several times (any of them matches);
     * {@code status=open} is new, acknowledged and in_progress. {@code spiking} is {@code true} or {@code false}.
     * {@code sort} is {@code last_seen} (the default: reported most recently first) or {@code count} (most reports
     * first). A query parameter not listed here is refused.
     */
    @Get
    @Operation(operationId = "listProblems")
    @StatusAndPriorityFilters
    public ItemPage<ProblemItem> list(HttpRequest<?> request,
                                      @Nullable @QueryValue("app_id") String appId,
                                      @Nullable @QueryValue @Schema(allowableValues = {"true", "false"})
                                      String spiking,
                                      @Nullable @QueryValue @Schema(allowableValues = {"last_seen", "count"})
                                      String sort,
                                      @Valid @RequestBean PageQuery page) {
        Query.onlyKnown(request, LIST_PARAMETERS);
        var filter = new ProblemFilter(
                Query.optional(appId),
                Query.statuses(request),
                Query.priorities(request),
                Query.choice("spiking", spiking, ProblemController::yesOrNo, "true, false"));
        ProblemOrder order = Query.choice("sort", sort, ProblemOrder::fromLabel, "last_seen, count");
        return ItemPage.of(problems.list(filter, order == null ? ProblemOrder.LAST_SEEN : order, page.request()),
                ProblemItem::of);
    }

    @Get("/{problem_id}")
    @Operation(operationId = "getProblem")
    public ProblemItem find(@PathVariable("problem_id") String problemId) {
        return ProblemItem.of(problems.find(problemId).orElseThrow(() -> new ProblemNotFoundException(problemId)));
    }

    /** The problem's feedback, newest first, paged as the lists are. */
    @Get("/{problem_id}/feedback")
    @Operation(operationId = "getProblemFeedback")
    public ItemPage<FeedbackItem> feedback(HttpRequest<?> request, @PathVariable("problem_id") String problemId,
                                           @Valid @RequestBean PageQuery page) {
        Query.onlyKnown(request, FEEDBACK_PARAMETERS);
        return items.page(problems.feedback(problemId, page.request()));
    }

    /**
     * Moves each open feedback of the problem (or, when none is open, each of its feedback) to the status through
     * the workflow, each with its history entry and synced to Lark as any change; the problem's status follows. A
     * feedback the workflow does not let move there is left as it is and listed as unchanged; when none may move,
     * 409. Recorded as the caller.
     */
    @Patch("/{problem_id}")
    @Operation(operationId = "workProblem")
    @Consumes({MediaType.APPLICATION_JSON, Changes.MERGE_PATCH})
    public WorkedProblemItem change(HttpRequest<?> request, @PathVariable("problem_id") String problemId,
                                    @Body ProblemPatch patch) {
        Actor actor = ApiCaller.of(request).actor();
        return WorkedProblemItem.of(work.work(Changes.command(() -> new WorkProblemCommand(problemId,
                Changes.status(patch.status()), patch.note(), actor))));
    }

    /**
     * Merges a wrongly split pair: this problem's feedback moves into {@code into}, and this problem is gone. Admins
     * only: 403 for anyone else.
     */
    @Post("/{problem_id}/merge")
    @Operation(operationId = "mergeProblems")
    public ProblemItem merge(HttpRequest<?> request, @PathVariable("problem_id") String problemId,
                             @Body ProblemMerge merge) {
        Actor actor = ApiCaller.admin(request, "merge problems").actor();
        return ProblemItem.of(merges.merge(Changes.command(() -> new MergeProblemsCommand(problemId,
                Query.optional(merge.into()), actor))));
    }

    private static boolean yesOrNo(String text) {
        return switch (text) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("not a boolean");
        };
    }
}
