package dev.larkinbox.outbound.db.person;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The people the inbox knows. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface PersonRepository extends GenericRepository<PersonRow, String> {

    @Query("SELECT open_id, name, avatar_url, role FROM person WHERE open_id = :openId")
    Optional<PersonRow> find(String openId);

    @Query("SELECT open_id, name, avatar_url, role FROM person WHERE open_id = ANY(:openIds)")
    List<PersonRow> findAll(String[] openIds);

    /** Everyone, or only those with one of the roles, by name. */
    @Query("""
            SELECT open_id, name, avatar_url, role FROM person
            WHERE CAST(:roles AS text[]) IS NULL OR role = ANY(:roles)
            ORDER BY name, open_id""")
    List<PersonRow> list(@Nullable String[] roles);

    @Query("""
            INSERT INTO person (open_id, name, avatar_url, role, created_at, updated_at)
            VALUES (:openId, :name, :avatarUrl, :role, :at, :at)
            ON CONFLICT (open_id) DO UPDATE
            SET name = EXCLUDED.name, avatar_url = EXCLUDED.avatar_url, role = EXCLUDED.role,
                updated_at = EXCLUDED.updated_at""")
    void save(String openId, String name, @Nullable String avatarUrl, String role, Instant at);
}
