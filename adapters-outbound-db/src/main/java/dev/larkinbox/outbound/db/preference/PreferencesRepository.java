package dev.larkinbox.outbound.db.preference;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.time.Instant;
import java.util.Optional;

/** Each person's preferences, one row per person. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface PreferencesRepository extends GenericRepository<PreferencesRow, String> {

    Optional<PreferencesRow> findById(String personId);

    @Query("""
            INSERT INTO person_preferences (person_id, language, zone, updated_at)
            VALUES (:personId, :language, :zone, :at)
            ON CONFLICT (person_id) DO UPDATE SET language = excluded.language, zone = excluded.zone,
                                                  updated_at = excluded.updated_at""")
    void save(String personId, @Nullable String language, @Nullable String zone, Instant at);
}
