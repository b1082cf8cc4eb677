package dev.larkinbox.outbound.lark;

import com.lark.oapi.core.utils.Jsons;
import com.lark.oapi.service.application.v6.model.ApplicationFeedback;
import dev.larkinbox.domain.event.UserRef;
import dev.larkinbox.domain.feedback.Feedback;
import dev.larkinbox.domain.feedback.LarkValues;
import dev.larkinbox.domain.recovery.ListedFeedback;

/** A feedback as Lark's listing gives it (the SDK's model), as the domain keeps it. */
final class ListedFeedbackTranslation {

    private ListedFeedbackTranslation() {
    }

    /** @throws IllegalArgumentException when the item has no feedback id */
    static ListedFeedback of(ApplicationFeedback item) {
        var feedback = new Feedback(
                item.getFeedbackId(),
                item.getAppId(),
                item.getTenantName(),
                item.getUserId() == null ? UserRef.NONE : new UserRef(item.getUserId(), null, null),
                LarkValues.type(item.getFeedbackType()),
                LarkValues.faultKinds(item.getFaultType()),
                LarkValues.source(item.getSource()),
                LarkValues.localTime(item.getFeedbackTime()),
                LarkValues.localTime(item.getFaultTime()),
                item.getDescription(),
                item.getContact(),
                LarkValues.present(item.getImages()),
                item.getFeedbackPath());
        return new ListedFeedback(feedback, item.getStatus(), Jsons.DEFAULT.toJson(item));
    }

}
