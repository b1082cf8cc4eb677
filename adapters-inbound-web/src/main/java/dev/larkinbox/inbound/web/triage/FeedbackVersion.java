package dev.larkinbox.inbound.web.triage;

import dev.larkinbox.domain.inbox.BrowseFeedback;
import dev.larkinbox.domain.inbox.TriagedFeedback;
import dev.larkinbox.inbound.web.access.NeedsSession;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

/**
 * A feedback's version, which each change raises: the feedback's page asks for it while a person has its form open,
 * and tells them before they save when someone else changed it. Read from the database, so a change made through
 * another instance of the service counts too.
 */
@Controller("/feedback")
@NeedsSession
@ExecuteOn(TaskExecutors.BLOCKING)
public class FeedbackVersion {
    private final BrowseFeedback feedback;

    FeedbackVersion(BrowseFeedback feedback) {
        this.feedback = feedback;
    }

    @Get(value = "/{id}/version", produces = MediaType.TEXT_PLAIN)
    public HttpResponse<String> version(@PathVariable String id) {
        return feedback.find(id).map(TriagedFeedback::version).map(v -> HttpResponse.ok(Long.toString(v)))
                .orElseGet(HttpResponse::notFound);
    }
}
