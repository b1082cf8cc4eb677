package dev.larkinbox.inbound.http.api;

import dev.larkinbox.domain.inbox.FeedbackStatus;
import dev.larkinbox.domain.triage.Priority;
import dev.larkinbox.inbound.http.error.RefusalException;
import dev.larkinbox.inbound.http.error.ErrorType;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Reading optional query parameters of the read API. */
public final class Query {
    /** The statuses' labels, for the messages that list what is allowed. */
    public static final String STATUSES = Arrays.stream(FeedbackStatus.values()).map(FeedbackStatus::label)
            .collect(Collectors.joining(", "));
    public static final String PRIORITIES = Arrays.stream(Priority.values()).map(Priority::name)
            .collect(Collectors.joining(", "));

    private Query() {
    }

    /** The {@code status} filter, given any number of times: a status, or {@code open} for those still open. */
    public static Set<FeedbackStatus> statuses(HttpRequest<?> request) {
        return choices(request, "status", FeedbackStatus::matching, "open, " + STATUSES);
    }

    /** The {@code priority} filter, given any number of times. */
    public static Set<Priority> priorities(HttpRequest<?> request) {
        return choices(request, "priority", p -> Set.of(Priority.valueOf(p)), PRIORITIES);
    }

    /** An absent or blank parameter filters nothing. */
    public static @Nullable String optional(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    /**
     * An optional parameter that must be one of a few values.
     *
     * @param parse   turns a text into a value, throwing IllegalArgumentException for a text it does not know
     * @param allowed the accepted texts, for the 400 answer
     */
    public static <T> @Nullable T choice(String name, @Nullable String value, Function<String, T> parse,
                                         String allowed) {
        String text = optional(value);
        if (text == null) {
            return null;
        }
        try {
            return parse.apply(text);
        } catch (IllegalArgumentException e) {
            throw new RefusalException(ErrorType.INVALID_QUERY, name + " must be one of " + allowed);
        }
    }

    /**
     * A parameter that may be given several times, each one of a few values; what they name together.
     *
     * @param parse turns a text into the values it names, throwing IllegalArgumentException for a text it does
     *              not know
     */
    public static <T> Set<T> choices(HttpRequest<?> request, String name, Function<String, Set<T>> parse,
                                     String allowed) {
        Set<T> all = new HashSet<>();
        for (String value : request.getParameters().getAll(name)) {
            Set<T> named = choice(name, value, parse, allowed);
            if (named != null) {
                all.addAll(named);
            }
        }
        return all;
    }

    /** A misspelt filter would otherwise be ignored and answer everything: it is refused, naming it. */
    public static void onlyKnown(HttpRequest<?> request, Set<String> known) {
        for (String name : request.getParameters().names()) {
            if (!known.contains(name)) {
                throw new RefusalException(ErrorType.INVALID_QUERY, "unknown query parameter " + name
                        + "; known are " + String.join(", ", new TreeSet<>(known)));
            }
        }
    }
}
