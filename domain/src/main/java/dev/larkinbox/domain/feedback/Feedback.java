package dev.larkinbox.domain.feedback;

import dev.larkinbox.domain.event.Bounds;
import dev.larkinbox.domain.event.UserRef;
import dev.larkinbox.domain.validation.Text;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Objects;

/**
 * What a user filed about an app. Only {@code feedbackId} and {@code type} are required: Lark leaves out
 * fields the app has no permission for, and an event is never refused for a missing detail. Ids and times are
 * held to {@link Bounds}.
 *
 * @param appId        the app the feedback is about
 * @param faultKinds   empty for a suggestion, or a fault that names no kind
 * @param source       null when Lark did not say
 * @param feedbackTime Lark's local time, as sent ({@code yyyy-mm-dd hh:mm:ss}, no zone); null when absent
 * @param description  personal data: never logged
 * @param contact      personal data (email or phone): never logged
 * @param images       URLs that expire three days after the feedback
 * @param omittedFaultKinds how many fault kinds beyond the first {@value #MAX_FAULT_KINDS} were left out
 * @param omittedImages     how many images beyond the first {@value #MAX_IMAGES} were left out
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
        String path,
        int omittedFaultKinds,
        int omittedImages) {

    /**
     * Lark knows about ten fault kinds and takes a few screenshots; a body of 1 MiB could name 250,000 of
     * either. Beyond these the rest is left out (the raw event keeps it) and counted.
     */
    public static final int MAX_FAULT_KINDS = 32;
    public static final int MAX_IMAGES = 32;

    public Feedback {
        Bounds.requireId(Text.requireNonBlank(feedbackId, "feedbackId"), "feedbackId");
        Bounds.requireId(appId, "appId");
        Objects.requireNonNull(type, "type");
        Bounds.requireCalendar(feedbackTime, "feedbackTime");
        Bounds.requireCalendar(faultTime, "faultTime");
        user = user == null ? UserRef.NONE : user;
        if (omittedFaultKinds < 0 || omittedImages < 0) {
            throw new IllegalArgumentException("omittedFaultKinds and omittedImages must not be negative");
        }
        faultKinds = faultKinds == null ? List.of() : List.copyOf(faultKinds);
        if (faultKinds.size() > MAX_FAULT_KINDS) {
            omittedFaultKinds += faultKinds.size() - MAX_FAULT_KINDS;
            faultKinds = faultKinds.subList(0, MAX_FAULT_KINDS);
        }
        images = images == null ? List.of() : List.copyOf(images);
        if (images.size() > MAX_IMAGES) {
            omittedImages += images.size() - MAX_IMAGES;
            images = images.subList(0, MAX_IMAGES);
        }
    }

    /** A feedback with nothing left out. */
    public Feedback(String feedbackId, String appId, String tenantName, UserRef user, FeedbackType type,
                    List<FaultKind> faultKinds, FeedbackSource source, LocalDateTime feedbackTime,
                    LocalDateTime faultTime, String description, String contact, List<String> images, String path) {
        this(feedbackId, appId, tenantName, user, type, faultKinds, source, feedbackTime, faultTime, description,
                contact, images, path, 0, 0);
    }

    /** Personal data stays out of logs and exception messages. */
    @Override
    public String toString() {
        return "Feedback[feedbackId=" + feedbackId + ", appId=" + appId + ", type=" + type.label()
                + ", faultKinds=" + faultKinds.stream().map(LarkCode::label).toList() + "]";
    }
}
