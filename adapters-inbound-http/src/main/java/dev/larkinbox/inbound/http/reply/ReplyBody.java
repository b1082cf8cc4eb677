package dev.larkinbox.inbound.http.reply;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

/**
 * The body of {@code POST /api/feedback/{feedback_id}/replies}.
 *
 * @param text what the reporter reads in Lark, from the app's bot
 */
@Serdeable.Deserializable(naming = SnakeCaseStrategy.class)
public record ReplyBody(@Nullable String text) {
    /** The text is for the reporter, not for logs. */
    @Override
    public String toString() {
        return "ReplyBody";
    }
}
