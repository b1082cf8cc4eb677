package dev.larkinbox.domain.admission;

import dev.larkinbox.domain.validation.Text;

/**
 * Who Lark says signed in ({@code authen/v1/user_info}): keyed by open_id, never by email or phone, which admins
 * type in and nobody verifies.
 *
 * @param avatarUrl null when Lark gave none
 */
public record LarkIdentity(String openId, String unionId, String name, String avatarUrl) {
    public LarkIdentity {
        Text.requireNonBlank(openId, "open_id");
        Text.requireNonBlank(name, "name");
    }

    /** Personal data: out of logs. */
    @Override
    public String toString() {
        return "LarkIdentity[]";
    }
}
