package dev.larkinbox.domain.admission;

import dev.larkinbox.domain.person.Role;
import java.util.Objects;
import java.util.Set;

/**
 * Who may come in ({@code inbox.access.*}).
 *
 * @param chatId      the team's chat, whose members may come in; null for none
 * @param openIds     people let in by name, whether or not in the chat
 * @param admins      people let in on their own, always as admins
 * @param defaultRole the role of a newcomer let in
 */
public record AccessRules(String chatId, Set<String> openIds, Set<String> admins, Role defaultRole) {
    public AccessRules {
        chatId = chatId == null || chatId.isBlank() ? null : chatId.strip();
        openIds = Set.copyOf(Objects.requireNonNull(openIds, "openIds"));
        admins = Set.copyOf(Objects.requireNonNull(admins, "admins"));
        Objects.requireNonNull(defaultRole, "defaultRole");
        if (openIds.stream().anyMatch(String::isBlank) || admins.stream().anyMatch(String::isBlank)) {
            throw new IllegalArgumentException("an open_id must not be blank");
        }
    }

    /** Whether the rules let anyone in at all. */
    public boolean namesAnyone() {
        return chatId != null || !openIds.isEmpty() || !admins.isEmpty();
    }

    /** Whether the person is let in without asking the chat: an admin, or listed. */
    public boolean letsInByName(String openId) {
        return admins.contains(openId) || openIds.contains(openId);
    }

    /** Open_ids are personal data: out of logs. */
    @Override
    public String toString() {
        return "AccessRules[chat=" + (chatId != null) + ", openIds=" + openIds.size() + ", admins=" + admins.size()
                + ", defaultRole=" + defaultRole.label() + "]";
    }
}
