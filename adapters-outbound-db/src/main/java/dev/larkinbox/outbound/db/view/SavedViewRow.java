package dev.larkinbox.outbound.db.view;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/** A row of {@code saved_view}. */
@MappedEntity("saved_view")
public record SavedViewRow(@Id String owner, String name, String filter, Instant savedAt) {
}
