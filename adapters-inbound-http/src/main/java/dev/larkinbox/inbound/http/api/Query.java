package dev.larkinbox.inbound.http.api;

import dev.larkinbox.inbound.http.problem.ProblemException;
import dev.larkinbox.inbound.http.problem.ProblemType;
import io.micronaut.core.annotation.Nullable;
import java.util.function.Function;

/** Reading optional query parameters of the read API. */
public final class Query {
    private Query() {
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
            throw new ProblemException(ProblemType.INVALID_QUERY, name + " must be one of " + allowed);
        }
    }
}
