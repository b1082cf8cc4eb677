package dev.larkinbox.inbound.http.inbox;

import dev.larkinbox.domain.feedback.FeedbackType;
import dev.larkinbox.domain.inbox.BrowseFeedback;
import dev.larkinbox.domain.inbox.FeedbackFilter;
import dev.larkinbox.domain.inbox.FeedbackStatus;
import dev.larkinbox.domain.triage.Priority;
import dev.larkinbox.inbound.http.api.ItemPage;
import dev.larkinbox.inbound.http.api.Paging;
import dev.larkinbox.inbound.http.api.Query;
import dev.larkinbox.inbound.http.problem.ProblemException;
import dev.larkinbox.inbound.http.problem.ProblemType;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.Arrays;
import java.util.stream.Collectors;

/** The inbox of triaged feedback, newest first. Blocking executor: the store is called synchronously. */
@Controller("/api/feedback")
@ExecuteOn(TaskExecutors.BLOCKING)
public class FeedbackController {
    private static final String STATUSES = Arrays.stream(FeedbackStatus.values()).map(FeedbackStatus::label)
            .collect(Collectors.joining(", "));
    private static final String PRIORITIES = Arrays.stream(Priority.values()).map(Priority::name)
            .collect(Collectors.joining(", "));

    private final BrowseFeedback feedback;

    FeedbackController(BrowseFeedback feedback) {
        this.feedback = feedback;
    }

    @Get
    public ItemPage<FeedbackItem> list(@Nullable @QueryValue("app_id") String appId,
                                       @Nullable @QueryValue String status,
                                       @Nullable @QueryValue String priority,
                                       @Nullable @QueryValue("feedback_type") String feedbackType,
                                       @Nullable @QueryValue String limit,
                                       @Nullable @QueryValue String cursor) {
        var filter = new FeedbackFilter(
                Query.optional(appId),
                Query.choice("status", status, FeedbackStatus::fromLabel, STATUSES),
                Query.choice("priority", priority, Priority::valueOf, PRIORITIES),
                Query.choice("feedback_type", feedbackType, FeedbackController::type, "fault, suggestion"));
        return ItemPage.of(feedback.list(filter, Paging.request(limit, cursor)), FeedbackItem::of);
    }

    @Get("/{feedback_id}")
    public FeedbackItem find(@PathVariable("feedback_id") String feedbackId) {
        return feedback.find(feedbackId).map(FeedbackItem::of).orElseThrow(
                () -> new ProblemException(ProblemType.NOT_FOUND, "no feedback with this feedback_id"));
    }

    /**
     * Only the types Lark defines can be asked for: a type Lark adds later reads as "unknown" in the items, but
     * the store filters by exact type, so "unknown" is no filter it can answer.
     */
    private static FeedbackType type(String label) {
        return switch (label) {
            case "fault" -> FeedbackType.FAULT;
            case "suggestion" -> FeedbackType.SUGGESTION;
            default -> throw new IllegalArgumentException("unknown feedback type");
        };
    }
}
