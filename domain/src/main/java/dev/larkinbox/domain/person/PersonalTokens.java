package dev.larkinbox.domain.person;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** People's API tokens, kept as hashes; a revoked token is gone. */
public interface PersonalTokens {
    /** @param expiresAt null for a token that lasts until revoked */
    PersonalToken create(String secretHash, String openId, String name, Instant at, Instant expiresAt);

    /**
     * The owner of the token with this hash, unless it is revoked or expired at {@code at}; records the use, at
     * most once a minute.
     */
    Optional<Person> use(String secretHash, Instant at);

    /** The person's tokens, newest first. */
    List<PersonalToken> of(String openId);

    /** Revokes the token if it is this person's: one person cannot revoke another's. */
    boolean revoke(long id, String openId);
}
