package dev.larkinbox.domain.admission;

/** Port: a chat's members, as the app sees them (with its own token, not a person's). */
public interface ChatMembers {

    /**
     * @throws dev.larkinbox.domain.platform.LarkRefusedException    Lark refused (the app is not in the chat)
     * @throws dev.larkinbox.domain.platform.LarkUnavailableException Lark could not be reached
     */
    boolean isMember(String chatId, String openId);
}
