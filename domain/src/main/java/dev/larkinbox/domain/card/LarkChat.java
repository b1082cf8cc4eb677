package dev.larkinbox.domain.card;

/** Outgoing port: the team's Lark chat, where feedback cards are posted and kept up to date. */
public interface LarkChat {

    /**
     * Posts the feedback's card; posting the same feedback's card again does not post it twice (Lark deduplicates
     * on a key the adapter derives from the feedback).
     *
     * @return the id of the message the card became
     * @throws dev.larkinbox.domain.platform.LarkUnavailableException Lark could not be reached: try later
     * @throws dev.larkinbox.domain.platform.LarkRefusedException     Lark answered with an error code
     */
    String post(FeedbackCard card);

    /**
     * Replaces the card of a message posted before.
     *
     * @throws dev.larkinbox.domain.platform.LarkUnavailableException Lark could not be reached: try later
     * @throws dev.larkinbox.domain.platform.LarkRefusedException     Lark answered with an error code
     */
    void update(String messageId, FeedbackCard card);

    /**
     * Posts a problem's spike or regression card; posting the card of the same occasion again does not post it twice.
     *
     * @return the id of the message the card became
     * @throws dev.larkinbox.domain.platform.LarkUnavailableException Lark could not be reached: try later
     * @throws dev.larkinbox.domain.platform.LarkRefusedException     Lark answered with an error code
     */
    String postProblem(ProblemCard card);

    /**
     * Posts the day's digest; posting the same day's digest again does not post it twice.
     *
     * @return the id of the message the digest became
     * @throws dev.larkinbox.domain.platform.LarkUnavailableException Lark could not be reached: try later
     * @throws dev.larkinbox.domain.platform.LarkRefusedException     Lark answered with an error code
     */
    String postDigest(DailyDigest digest);
}
