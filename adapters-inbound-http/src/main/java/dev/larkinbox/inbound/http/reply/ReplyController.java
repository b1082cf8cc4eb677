package dev.larkinbox.inbound.http.reply;

import dev.larkinbox.domain.person.People;
import dev.larkinbox.domain.reply.ReplyCommand;
import dev.larkinbox.domain.reply.ReplyToReporter;
import dev.larkinbox.domain.reply.SentMessage;
import dev.larkinbox.inbound.http.ApiDocument;
import dev.larkinbox.inbound.http.access.ApiCaller;
import dev.larkinbox.inbound.http.api.Changes;
import dev.larkinbox.inbound.http.api.ItemPage;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import java.util.List;
import java.util.Map;

/**
 * Replies to the person who filed a feedback, from the app's bot in Lark. A reply is accepted when it is recorded
 * (in the feedback's history, and in the outbox that sends it once): Lark hears of it shortly after.
 */
@Controller("/api/feedback/{feedback_id}/replies")
@SecurityRequirement(name = ApiDocument.API_TOKEN)
@ExecuteOn(TaskExecutors.BLOCKING)
public class ReplyController {
    private final ReplyToReporter replies;
    private final People people;

    ReplyController(ReplyToReporter replies, People people) {
        this.replies = replies;
        this.people = people;
    }

    /**
     * Writes {@code text} to the reporter: 202 with the reply, {@code pending} until Lark takes it. 422 when the
     * feedback names no reporter's open_id. Recorded as the caller.
     */
    @Post
    @Operation(operationId = "replyToReporter")
    public HttpResponse<ReplyItem> reply(HttpRequest<?> request, @PathVariable("feedback_id") String feedbackId,
                                         @Body ReplyBody body) {
        ReplyCommand command = Changes.command(() -> new ReplyCommand(feedbackId, body.text(),
                ApiCaller.of(request).actor()));
        return HttpResponse.accepted().body(items(List.of(replies.reply(command))).get(0));
    }

    /**
     * Every message to the reporter (replies and resolution notices), oldest first, with what became of it; one
     * page, as a feedback has few.
     */
    @Get
    @Operation(operationId = "listReplies")
    public ItemPage<ReplyItem> list(@PathVariable("feedback_id") String feedbackId) {
        return new ItemPage<>(items(replies.messages(feedbackId)), null);
    }

    /** Each with its author's name, as history names its actors. */
    private List<ReplyItem> items(List<SentMessage> messages) {
        Map<String, String> names = people.names(messages.stream().map(m -> m.author().name()).toList());
        return messages.stream().map(m -> ReplyItem.of(m, names)).toList();
    }
}
