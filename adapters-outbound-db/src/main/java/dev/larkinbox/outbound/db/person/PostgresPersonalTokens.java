package dev.larkinbox.outbound.db.person;

import dev.larkinbox.domain.person.Person;
import dev.larkinbox.domain.person.PersonalToken;
import dev.larkinbox.domain.person.PersonalTokens;
import dev.larkinbox.outbound.db.postgres.StorageFailures;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * People's API tokens in PostgreSQL, read at every use: a revoked or expired token is refused by every instance at
 * its next request.
 */
@Singleton
public class PostgresPersonalTokens implements PersonalTokens {
    /** A token in use is not a write per request. */
    private static final Duration USE_RECORDED_EVERY = Duration.ofMinutes(1);

    private final TokenRepository tokens;

    public PostgresPersonalTokens(TokenRepository tokens) {
        this.tokens = tokens;
    }

    @Override
    public PersonalToken create(String secretHash, String openId, String name, Instant at, Instant expiresAt) {
        long id = StorageFailures.writing(() -> tokens.create(secretHash, openId, name, at, expiresAt));
        return new PersonalToken(id, openId, name, at, null, expiresAt);
    }

    @Override
    public Optional<Person> use(String secretHash, Instant at) {
        Optional<TokenOwnerRow> usable = StorageFailures.reading(() -> tokens.usable(secretHash, at));
        usable.filter(t -> t.lastUsedAt() == null || !at.isBefore(t.lastUsedAt().plus(USE_RECORDED_EVERY)))
                .ifPresent(t -> StorageFailures.writing(() -> {
                    tokens.used(t.id(), at);
                    return null;
                }));
        return usable.map(t -> t.owner().toDomain());
    }

    @Override
    public List<PersonalToken> of(String openId) {
        return StorageFailures.reading(() -> tokens.of(openId)).stream().map(TokenRow::toDomain).toList();
    }

    @Override
    public boolean revoke(long id, String openId) {
        return StorageFailures.writing(() -> tokens.revoke(id, openId)) > 0;
    }
}
