package dev.larkinbox.outbound.lark;

import com.lark.oapi.core.utils.Jsons;
import com.lark.oapi.service.application.v6.model.ApplicationFeedback;
import dev.larkinbox.domain.event.UserRef;
import dev.larkinbox.domain.feedback.FaultKind;
import dev.larkinbox.domain.feedback.Feedback;
import dev.larkinbox.domain.feedback.FeedbackSource;
import dev.larkinbox.domain.feedback.FeedbackType;
import dev.larkinbox.domain.recovery.ListedFeedback;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/** A feedback as Lark's listing gives it (the SDK's model), as the domain keeps it. */
final class ListedFeedbackTranslation {
    private static final DateTimeFormatter LARK_LOCAL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    /** Feedback type 0 stands for "Lark did not say", as in the events: triaged like a type we do not know. */
    private static final int TYPE_NOT_GIVEN = 0;

    private ListedFeedbackTranslation() {
    }

    /** @throws IllegalArgumentException when the item has no feedback id */
    static ListedFeedback of(ApplicationFeedback item) {
        var feedback = new Feedback(
                item.getFeedbackId(),
                item.getAppId(),
                item.getTenantName(),
                item.getUserId() == null ? UserRef.NONE : new UserRef(item.getUserId(), null, null),
                FeedbackType.ofCode(item.getFeedbackType() == null ? TYPE_NOT_GIVEN : item.getFeedbackType()),
                item.getFaultType() == null ? List.of()
                        : Arrays.stream(item.getFaultType()).filter(Objects::nonNull).map(FaultKind::ofCode).toList(),
                item.getSource() == null ? null : FeedbackSource.ofCode(item.getSource()),
                localTime(item.getFeedbackTime()),
                localTime(item.getFaultTime()),
                item.getDescription(),
                item.getContact(),
                item.getImages() == null ? List.of() : Arrays.stream(item.getImages()).filter(Objects::nonNull).toList(),
                item.getFeedbackPath());
        return new ListedFeedback(feedback, item.getStatus(), Jsons.DEFAULT.toJson(item));
    }

    /** A time in a form we do not read is left out; the raw JSON still holds it. */
    private static LocalDateTime localTime(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(text.trim(), LARK_LOCAL_TIME);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
