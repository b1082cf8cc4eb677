package dev.larkinbox.domain.feedback;

import dev.larkinbox.domain.event.Text;
import dev.larkinbox.domain.event.UserRef;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Objects;

/**
 * What a user filed about an app. Only {@code feedbackId} and {@code type} are required: Lark leaves out
 * fields the app has no permission for, and an event is never refused for a missing detail.
 *
 * @param appId        the app the feedback is about
 * @param faultKinds   empty for a suggestion, or a fault that names no kind
 * @param source       null when Lark did not say
 * @param feedbackTime Lark's local time, as sent ({@code yyyy-mm-dd hh:mm:ss}, no zone); null when absent
 * @param description  personal data: never logged
 * @param contact      personal data (email or phone): never logged
 * @param images       URLs that expire three days after the feedback
 */
public record Feedback(
        String feedbackId,
        String appId,
        String tenantName,
        UserRef user,
        FeedbackType type,
        List<FaultKind> faultKinds,
        FeedbackSource source,
        LocalDateTime feedbackTime,
        LocalDateTime faultTime,
        String description,
        String contact,
        List<String> images,
        String path) {

    public Feedback {
        Text.requireNonBlank(feedbackId, "feedbackId");
        Objects.requireNonNull(type, "type");
        user = user == null ? UserRef.NONE : user;
        faultKinds = faultKinds == null ? List.of() : List.copyOf(faultKinds);
        images = images == null ? List.of() : List.copyOf(images);
    }

    /** Personal data stays out of logs and exception messages. */
    @Override
    public String toString() {
        return "Feedback[feedbackId=" + feedbackId + ", appId=" + appId + ", type=" + type.label()
                + ", faultKinds=" + faultKinds.stream().map(LarkCode::label).toList() + "]";
    }
}
