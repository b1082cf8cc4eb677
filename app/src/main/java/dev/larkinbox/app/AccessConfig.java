package dev.larkinbox.app;

import dev.larkinbox.domain.admission.AccessRules;
import dev.larkinbox.domain.person.Role;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.NotNull;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who may sign in with Lark, and click cards: {@code inbox.access.*}.
 *
 * @param chatId      {@code inbox.access.chat-id}: the {@code oc_...} chat whose members may come in
 * @param openIds     {@code inbox.access.open-ids}: {@code ou_...} open_ids let in besides, comma-separated
 * @param admins      {@code inbox.access.admins}: {@code ou_...} open_ids let in on their own, as admins
 * @param defaultRole {@code inbox.access.default-role}: {@code viewer}, {@code member} or {@code admin}, the role
 *                    of a newcomer let in
 */
@ConfigurationProperties("inbox.access")
record AccessConfig(@Nullable String chatId, @Nullable List<String> openIds, @Nullable List<String> admins,
                    @Bindable(defaultValue = "member") @NotNull String defaultRole) {

    AccessConfig {
        chatId = chatId == null || chatId.isBlank() ? null : chatId.strip();
        if (chatId != null && !chatId.startsWith("oc_")) {
            throw ConfigurationProblems.refused("inbox.access.chat-id", "a chat_id such as oc_a0553eda9014c201e6969b"
                    + "478895c230", chatId);
        }
        openIds = openIds("inbox.access.open-ids", openIds);
        admins = openIds("inbox.access.admins", admins);
        String role = defaultRole.strip().toLowerCase(Locale.ROOT);
        if (Arrays.stream(Role.values()).noneMatch(r -> r.label().equals(role))) {
            throw ConfigurationProblems.refused("inbox.access.default-role", "one of " + Arrays.stream(Role.values())
                    .map(Role::label).collect(Collectors.joining(", ")), defaultRole);
        }
        defaultRole = role;
    }

    AccessRules rules() {
        return new AccessRules(chatId, Set.copyOf(openIds), Set.copyOf(admins), Role.fromLabel(defaultRole));
    }

    /** Whether anyone is named: then signing in with Lark is on, and card clicks are checked. */
    boolean namesAnyone() {
        return rules().namesAnyone();
    }

    /**
     * Naming people lets them in through Lark's sign-in, which needs the app's credentials and the inbox's public
     * URL (Lark sends the browser back to it).
     */
    static void requireSignInReachable(AccessConfig access, LarkConfig lark, PublicUrlConfig links) {
        if (access.namesAnyone() && !(lark.hasCredentials() && links.publicUrl() != null)) {
            throw new ConfigurationException("inbox.access.* (INBOX_ACCESS_*) lets people sign in with Lark, which "
                    + "needs lark.app-id (LARK_APP_ID), lark.app-secret (LARK_APP_SECRET) and inbox.public-url "
                    + "(INBOX_PUBLIC_URL): Lark sends the browser back to {inbox.public-url}/sign-in/lark/callback");
        }
    }

    private static List<String> openIds(String property, @Nullable List<String> values) {
        Set<String> openIds = new LinkedHashSet<>();
        for (String value : values == null ? List.<String>of() : values) {
            String openId = value.strip();
            if (openId.isEmpty()) {
                continue;
            }
            if (!openId.startsWith("ou_") || openId.chars().anyMatch(c -> c <= ' ')) {
                throw ConfigurationProblems.refused(property, "open_ids such as ou_7d8a6e6df7621556ce0d21922b676706"
                        + ", comma-separated", String.join(",", values));
            }
            openIds.add(openId);
        }
        return List.copyOf(openIds);
    }

    /** Open_ids are personal data: out of logs. */
    @Override
    public String toString() {
        return "AccessConfig[chat=" + (chatId != null) + ", openIds=" + openIds.size() + ", admins=" + admins.size()
                + ", defaultRole=" + defaultRole + "]";
    }
}
