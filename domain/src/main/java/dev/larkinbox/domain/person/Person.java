package dev.larkinbox.domain.person;

import dev.larkinbox.domain.validation.Text;
import dev.larkinbox.domain.workflow.Actor;
import java.util.Objects;

/**
 * Someone the inbox knows: a person who signed in with Lark, keyed by their open_id (never by email or phone), or
 * the holder of {@code inbox.api-token}, {@value #API_TOKEN}.
 *
 * @param avatarUrl their picture, https only; null when Lark gave none
 */
public record Person(String openId, String name, String avatarUrl, Role role) {
    /** The open_id the API token's holder is recorded as: no Lark open_id looks like it. */
    public static final String API_TOKEN = "api-token";
    public static final int MAX_AVATAR_URL_LENGTH = 2048;

    public Person {
        requireShortLine(openId, "open_id");
        requireShortLine(name, "person's name");
        if (avatarUrl != null && (!avatarUrl.startsWith("https://") || avatarUrl.length() > MAX_AVATAR_URL_LENGTH
                || avatarUrl.chars().anyMatch(c -> c <= ' '))) {
            throw new IllegalArgumentException("an avatar must be an https URL of at most " + MAX_AVATAR_URL_LENGTH
                    + " characters without spaces");
        }
        Objects.requireNonNull(role, "role");
    }

    /** The holder of the API token, an admin, under the name they gave. */
    public static Person apiToken(String name) {
        return new Person(API_TOKEN, name, null, Role.ADMIN);
    }

    public boolean isApiToken() {
        return API_TOKEN.equals(openId);
    }

    /** Who their changes are by, in the history: their open_id, which outlives any name they go by. */
    public Actor actor() {
        return isApiToken() ? Actor.user(openId) : Actor.larkUser(openId);
    }

    public Person withRole(Role newRole) {
        return new Person(openId, name, avatarUrl, newRole);
    }

    /** The fields {@link Actor} takes, so that any person can be an actor. */
    private static void requireShortLine(String value, String what) {
        Text.requireNonBlank(value, what);
        if (value.length() > Actor.MAX_NAME_LENGTH || value.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException(what + " must be at most " + Actor.MAX_NAME_LENGTH
                    + " characters without control characters");
        }
    }

    /** Names and open_ids are personal data: out of logs. */
    @Override
    public String toString() {
        return "Person[role=" + role.label() + "]";
    }
}
