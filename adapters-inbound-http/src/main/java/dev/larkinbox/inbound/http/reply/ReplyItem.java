package dev.larkinbox.inbound.http.reply;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.larkinbox.domain.reply.SentMessage;
import dev.larkinbox.inbound.http.api.ApiTime;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Map;

/**
 * A message to a feedback's reporter and what became of it.
 *
 * @param replyId   the message's id
 * @param version   the feedback's history entry it was written with (the reply, or the resolution)
 * @param kind      {@code reply} (a team member's) or {@code resolved} (the notice of a resolution)
 * @param author    who wrote the history entry, as history's {@code actor} names them
 * @param authorName the author's name, for anyone who has signed in to the inbox; else the same as {@code author}
 * @param state     {@code pending} until Lark took it ({@code delivered}) or it was given up ({@code not_delivered})
 * @param settledAt when it was delivered or given up; null while pending
 * @param reason    why it was not delivered, in words; null otherwise
 */
@Serdeable.Serializable(naming = SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ReplyItem(long replyId, String feedbackId, long version,
                        @Schema(allowableValues = {"reply", "resolved"}) String kind, String text, String author,
                        String authorName, @Schema(allowableValues = {"user", "lark_user", "lark"}) String authorKind,
                        @Schema(allowableValues = {"pending", "delivered", "not_delivered"}) String state,
                        String requestedAt, @Nullable String settledAt, @Nullable String reason) {

    /** @param names the names of the people among the authors, by open_id */
    static ReplyItem of(SentMessage message, Map<String, String> names) {
        String author = message.author().name();
        return new ReplyItem(message.id(), message.feedbackId(), message.version(), message.kind().label(),
                message.text(), author, names.getOrDefault(author, author), message.author().kind().label(),
                message.state().label(),
                ApiTime.instant(message.requestedAt()),
                message.at() == null ? null : ApiTime.instant(message.at()),
                message.reason() == null ? null : message.reason().english());
    }

    /** Texts and names stay out of logs. */
    @Override
    public String toString() {
        return "ReplyItem[replyId=" + replyId + ", " + state + "]";
    }
}
