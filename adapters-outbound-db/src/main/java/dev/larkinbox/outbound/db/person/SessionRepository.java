package dev.larkinbox.outbound.db.person;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The web sessions, each read with its person. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface SessionRepository extends GenericRepository<PersonRow, String> {

    @Query("""
            INSERT INTO web_session (secret_hash, open_id, started_at, last_seen_at, browser)
            VALUES (:secretHash, :openId, :at, :at, :browser)
            RETURNING id""")
    long start(String secretHash, String openId, Instant at, @Nullable String browser);

    @Query("""
            SELECT s.id, s.started_at, s.last_seen_at, s.browser, p.open_id, p.name, p.avatar_url, p.role
            FROM web_session s JOIN person p ON p.open_id = s.open_id
            WHERE s.secret_hash = :secretHash""")
    Optional<SessionRow> find(String secretHash);

    @Query("UPDATE web_session SET last_seen_at = :at WHERE id = :id")
    void seen(long id, Instant at);

    @Query("""
            SELECT s.id, s.started_at, s.last_seen_at, s.browser, p.open_id, p.name, p.avatar_url, p.role
            FROM web_session s JOIN person p ON p.open_id = s.open_id
            WHERE s.open_id = :openId
            ORDER BY s.last_seen_at DESC, s.id DESC""")
    List<SessionRow> of(String openId);

    @Query("DELETE FROM web_session WHERE id = :id")
    void end(long id);

    @Query("DELETE FROM web_session WHERE id = :id AND open_id = :openId")
    int end(long id, String openId);

    @Query("DELETE FROM web_session WHERE last_seen_at < :idleBefore OR started_at < :startedBefore")
    int endExpired(Instant idleBefore, Instant startedBefore);
}
