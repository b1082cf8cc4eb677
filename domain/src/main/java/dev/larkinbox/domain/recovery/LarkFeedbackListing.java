package dev.larkinbox.domain.recovery;

import java.time.Instant;

/** Outgoing port: Lark's open API, listing the feedback of an app. */
public interface LarkFeedbackListing {

    /**
     * One page of the feedback filed from {@code since} to {@code until} (Lark lists by whole days: a little more
     * may come).
     *
     * @param pageToken null for the first page, else the previous page's {@link ListedPage#nextPageToken()}
     * @throws dev.larkinbox.domain.platform.LarkUnavailableException Lark could not be reached: try later
     * @throws dev.larkinbox.domain.platform.LarkRefusedException     Lark answered with an error code
     */
    ListedPage list(String appId, Instant since, Instant until, String pageToken);
}
