package dev.larkinbox.domain.sync;

import dev.larkinbox.domain.workflow.LarkFeedbackStatus;

/** Outgoing port: Lark's open API, setting a feedback's status in Lark's console. */
public interface LarkStatusApi {

    /**
     * @param appId the app the feedback is about; null for the adapter's own app
     * @throws dev.larkinbox.domain.platform.LarkUnavailableException Lark could not be reached: try later
     * @throws dev.larkinbox.domain.platform.LarkRefusedException     Lark answered with an error code
     */
    void setStatus(String appId, String feedbackId, LarkFeedbackStatus status);
}
