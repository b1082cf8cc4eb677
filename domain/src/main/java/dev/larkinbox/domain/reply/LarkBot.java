package dev.larkinbox.domain.reply;

/** Outgoing port: the app's bot, writing to one person in Lark. */
public interface LarkBot {

    /**
     * Sends a text message to the person; sending the same {@code key} again does not send it twice (Lark
     * deduplicates on a uuid the adapter derives from it).
     *
     * @param openId personal data, never logged
     * @throws dev.larkinbox.domain.platform.LarkUnavailableException Lark could not be reached: try later
     * @throws dev.larkinbox.domain.platform.LarkRefusedException     Lark answered with an error code; a
     *                                                                 {@linkplain
     *                                                                 dev.larkinbox.domain.platform.LarkRefusedException#permanent()
     *                                                                 permanent} one for a person the bot cannot reach
     */
    void send(String openId, String text, String key);
}
