package dev.larkinbox.domain.person;

import dev.larkinbox.domain.validation.Text;
import java.time.Instant;
import java.util.Objects;

/**
 * A named API token of one person, as kept: never the token, only its hash. It acts with its owner's role.
 *
 * @param lastUsedAt when it was last used, to a minute or so; null when never
 * @param expiresAt  from when it is refused; null when it lasts until revoked
 */
public record PersonalToken(long id, String openId, String name, Instant createdAt, Instant lastUsedAt,
                            Instant expiresAt) {
    public static final int MAX_NAME_LENGTH = 100;

    public PersonalToken {
        Text.requireNonBlank(openId, "open_id");
        requireName(name);
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /** @throws IllegalArgumentException for a name that is blank, too long or over more than one line */
    public static String requireName(String name) {
        Text.requireNonBlank(name, "token name");
        if (name.length() > MAX_NAME_LENGTH || name.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("a token's name must be at most " + MAX_NAME_LENGTH
                    + " characters, on one line");
        }
        return name;
    }
}
