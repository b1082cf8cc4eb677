package dev.larkinbox.inbound.http.api;

import dev.larkinbox.domain.paging.PageRequest;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.QueryValue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * The {@code limit} and {@code cursor} query parameters of every listing, checked by micronaut-validation.
 *
 * @param limit  how many items at most, 1 to 200; 50 when absent
 * @param cursor the {@code next_cursor} of the page before; absent for the first page
 */
@Introspected
public record PageQuery(@Nullable @QueryValue @Min(1) @Max(PageRequest.MAX_LIMIT) Integer limit,
                        @Nullable @QueryValue String cursor) {

    public PageRequest request() {
        return new PageRequest(limit == null ? PageRequest.DEFAULT_LIMIT : limit, Query.optional(cursor));
    }
}
