package dev.larkinbox.outbound.db.view;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.time.Instant;
import java.util.List;

/** Each person's saved views: read by owner, written one at a time. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface SavedViewRepository extends GenericRepository<SavedViewRow, String> {

    @Query("SELECT owner, name, filter, saved_at FROM saved_view WHERE owner = :owner ORDER BY name COLLATE \"C\"")
    List<SavedViewRow> views(String owner);

    /** A view of the same name is replaced: saving again is how a person changes one. */
    @Query("""
            INSERT INTO saved_view (owner, name, filter, saved_at) VALUES (:owner, :name, :filter, :savedAt)
            ON CONFLICT (owner, name) DO UPDATE SET filter = EXCLUDED.filter, saved_at = EXCLUDED.saved_at""")
    void save(String owner, String name, String filter, Instant savedAt);

    @Query("DELETE FROM saved_view WHERE owner = :owner AND name = :name")
    int delete(String owner, String name);
}
