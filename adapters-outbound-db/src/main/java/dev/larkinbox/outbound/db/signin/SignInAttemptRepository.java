package dev.larkinbox.outbound.db.signin;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.time.Instant;
import java.util.List;

/** Sign-ins under way. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface SignInAttemptRepository extends GenericRepository<SignInAttemptRow, String> {

    @Query("""
            INSERT INTO sign_in_attempt (state, browser_hash, code_verifier, return_to, expires_at)
            VALUES (:state, :browserHash, :codeVerifier, :returnTo, :expiresAt)""")
    void insert(String state, String browserHash, String codeVerifier, String returnTo, Instant expiresAt);

    /** One statement: of two instances given the same state at once, one gets the row, the other nothing. */
    @Query("""
            DELETE FROM sign_in_attempt WHERE state = :state
            RETURNING state, browser_hash, code_verifier, return_to, expires_at""")
    List<SignInAttemptRow> take(String state);

    @Query("DELETE FROM sign_in_attempt WHERE expires_at < :now")
    int deleteExpired(Instant now);
}
