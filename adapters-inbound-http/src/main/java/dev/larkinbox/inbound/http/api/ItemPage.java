package dev.larkinbox.inbound.http.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.larkinbox.domain.paging.Page;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * One page of a listing: {@code {"items": [...], "next_cursor": "..." | null}}.
 *
 * @param nextCursor opaque; null (written as null, not left out) on the last page
 */
@Serdeable.Serializable(naming = SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ItemPage<T>(List<T> items, @Nullable String nextCursor) {
    public ItemPage {
        items = List.copyOf(Objects.requireNonNull(items, "items"));
    }

    public static <D, T> ItemPage<T> of(Page<D> page, Function<D, T> view) {
        return new ItemPage<>(page.items().stream().map(view).toList(), page.nextCursor());
    }
}
