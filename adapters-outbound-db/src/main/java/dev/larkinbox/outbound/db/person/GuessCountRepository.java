package dev.larkinbox.outbound.db.person;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.time.Instant;
import java.util.List;

/** Wrong tokens counted, by key. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface GuessCountRepository extends GenericRepository<GuessCountRow, String> {

    @Query("SELECT guess_key, wrong, last_at, wait_until FROM token_guess WHERE guess_key = ANY(:keys)")
    List<GuessCountRow> find(String[] keys);

    /** A row to lock, so that two instances counting the first wrong token of a key at once both wait for it. */
    @Query("""
            INSERT INTO token_guess (guess_key, wrong, last_at, wait_until) VALUES (:key, 0, :epoch, :epoch)
            ON CONFLICT (guess_key) DO NOTHING""")
    void ensure(String key, Instant epoch);

    @Query("SELECT guess_key, wrong, last_at, wait_until FROM token_guess WHERE guess_key = :key FOR UPDATE")
    GuessCountRow lock(String key);

    @Query("UPDATE token_guess SET wrong = :wrong, last_at = :lastAt, wait_until = :waitUntil WHERE guess_key = :key")
    void update(String key, int wrong, Instant lastAt, Instant waitUntil);

    @Query("DELETE FROM token_guess WHERE last_at < :before")
    int deleteBefore(Instant before);
}
