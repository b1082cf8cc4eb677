package dev.larkinbox.inbound.http.api;

import dev.larkinbox.domain.inbox.FeedbackStatus;
import dev.larkinbox.domain.triage.Priority;
import dev.larkinbox.inbound.http.error.RefusalException;
import dev.larkinbox.inbound.http.error.ErrorType;
import io.micronaut.core.annotation.Nullable;
import java.util.function.Supplier;

/** Turning the body of a change into a command: a value or a command that is refused answers 400 invalid-change. */
public final class Changes {
    /** RFC 7396's media type, which a PATCH takes beside plain JSON. */
    public static final String MERGE_PATCH = "application/merge-patch+json";

    private Changes() {
    }

    /** A status a change asks for; one that is none is refused, naming the statuses. */
    public static @Nullable FeedbackStatus status(@Nullable String label) {
        return label == null ? null : parsed(() -> FeedbackStatus.fromLabel(label),
                "status must be one of " + Query.STATUSES);
    }

    /** A priority a change sets; one that is none is refused, naming the priorities. */
    public static @Nullable Priority priority(@Nullable String name) {
        return name == null ? null : parsed(() -> Priority.valueOf(name), "priority must be one of " + Query.PRIORITIES);
    }

    /** The command, which checks itself; its refusal's message names the field and the rule, never the value. */
    public static <C> C command(Supplier<C> command) {
        try {
            return command.get();
        } catch (IllegalArgumentException e) {
            throw new RefusalException(ErrorType.INVALID_CHANGE, e.getMessage());
        }
    }

    private static <T> T parsed(Supplier<T> parse, String refusal) {
        try {
            return parse.get();
        } catch (IllegalArgumentException e) {
            throw new RefusalException(ErrorType.INVALID_CHANGE, refusal);
        }
    }
}
