package dev.larkinbox.inbound.http.api;

import dev.larkinbox.domain.paging.PageRequest;
import dev.larkinbox.inbound.http.problem.ProblemException;
import dev.larkinbox.inbound.http.problem.ProblemType;
import io.micronaut.core.annotation.Nullable;

/** The {@code limit} and {@code cursor} query parameters of every listing. */
public final class Paging {
    private Paging() {
    }

    /** @throws ProblemException 400 when limit is not a whole number from 1 to {@link PageRequest#MAX_LIMIT} */
    public static PageRequest request(@Nullable String limit, @Nullable String cursor) {
        return new PageRequest(limit(limit), Query.optional(cursor));
    }

    private static int limit(@Nullable String limit) {
        String text = Query.optional(limit);
        if (text == null) {
            return PageRequest.DEFAULT_LIMIT;
        }
        try {
            int value = Integer.parseInt(text);
            if (value >= 1 && value <= PageRequest.MAX_LIMIT) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below, as for a number out of range
        }
        throw new ProblemException(ProblemType.INVALID_QUERY,
                "limit must be a whole number from 1 to " + PageRequest.MAX_LIMIT);
    }
}
