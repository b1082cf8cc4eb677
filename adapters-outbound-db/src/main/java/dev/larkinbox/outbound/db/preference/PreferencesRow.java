package dev.larkinbox.outbound.db.preference;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/** A row of {@code person_preferences}. */
@MappedEntity("person_preferences")
public record PreferencesRow(@Id String personId, @Nullable String language, @Nullable String zone,
                             Instant updatedAt) {
}
