package dev.larkinbox.outbound.db.person;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** People's API tokens. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface TokenRepository extends GenericRepository<PersonRow, String> {

    @Query("""
            INSERT INTO personal_token (secret_hash, open_id, name, created_at, expires_at)
            VALUES (:secretHash, :openId, :name, :at, :expiresAt)
            RETURNING id""")
    long create(String secretHash, String openId, String name, Instant at, @Nullable Instant expiresAt);

    /** The token with this hash if it has not expired at {@code at}, with its owner. */
    @Query("""
            SELECT t.id, t.last_used_at, p.open_id, p.name, p.avatar_url, p.role
            FROM personal_token t JOIN person p ON p.open_id = t.open_id
            WHERE t.secret_hash = :secretHash AND (t.expires_at IS NULL OR t.expires_at > :at)""")
    Optional<TokenOwnerRow> usable(String secretHash, Instant at);

    @Query("UPDATE personal_token SET last_used_at = :at WHERE id = :id")
    void used(long id, Instant at);

    @Query("""
            SELECT id, open_id, name, created_at, last_used_at, expires_at FROM personal_token
            WHERE open_id = :openId ORDER BY created_at DESC, id DESC""")
    List<TokenRow> of(String openId);

    @Query("DELETE FROM personal_token WHERE id = :id AND open_id = :openId")
    int revoke(long id, String openId);
}
