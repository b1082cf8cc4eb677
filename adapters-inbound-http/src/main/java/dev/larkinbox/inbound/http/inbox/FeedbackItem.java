package dev.larkinbox.inbound.http.inbox;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.larkinbox.domain.feedback.Feedback;
import dev.larkinbox.domain.feedback.LarkCode;
import dev.larkinbox.domain.image.ImageCopy;
import dev.larkinbox.domain.inbox.TriagedFeedback;
import dev.larkinbox.domain.reason.Reason;
import dev.larkinbox.domain.validation.Text;
import dev.larkinbox.inbound.http.api.ApiTime;
import dev.larkinbox.inbound.http.api.UserView;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Objects;
import java.util.stream.IntStream;

/**
 * A feedback as {@code /api/feedback} shows it (architecture.md lists the fields). Absent values are written
 * as null, never left out, so that every item has the same shape.
 *
 * @param assignee who works on it, null while nobody does
 * @param version   one more with every change; the ETag of the item, for If-Match
 * @param problemId the problem it belongs to; null until the grouping job has seen it
 * @param imageCopies the inbox's copy of each of {@code images}, in their order
 */
@Serdeable.Serializable(naming = SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record FeedbackItem(
        String feedbackId,
        String eventId,
        @Nullable String appId,
        @Nullable String tenantKey,
        @Nullable String tenantName,
        @Schema(allowableValues = {"fault", "suggestion", "unknown"}) String feedbackType,
        @ArraySchema(schema = @Schema(allowableValues = {"black_screen", "white_screen", "cannot_open", "lag",
                "crash", "slow_page_load", "freeze", "other", "unknown"})) List<String> faultTypes,
        @Schema(allowableValues = {"mini_program", "web_app", "bot", "web_sdk", "unknown"}) @Nullable String source,
        @Schema(description = LARK_LOCAL_TIME, example = "2022-01-30 11:30:12") @Nullable String feedbackTime,
        @Schema(description = LARK_LOCAL_TIME, example = "2022-01-30 11:29:45") @Nullable String faultTime,
        @Nullable String description,
        @Nullable String contact,
        List<String> images,
        @Nullable String feedbackPath,
        UserView user,
        @Schema(allowableValues = {"P1", "P2", "P3", "P4"}) String priority,
        String category,
        List<String> reasons,
        @Schema(allowableValues = {"new", "acknowledged", "in_progress", "resolved", "closed"}) String status,
        @Nullable String assignee,
        long version,
        String receivedAt,
        @Schema(description = "the problem it belongs to; null until it is grouped, normally within a second")
        @Nullable String problemId,
        List<ImageCopyItem> imageCopies) {

    /**
     * Lark writes these times without a zone, in its own local time; they are shown as Lark wrote them rather than
     * converted, since Lark does not say its zone in the event (Feishu's is China time).
     */
    static final String LARK_LOCAL_TIME = "Lark's local time as Lark wrote it, yyyy-MM-dd HH:mm:ss without a zone "
            + "(on Feishu China Standard Time, UTC+08:00)";

    public FeedbackItem {
        Text.requireNonBlank(feedbackId, "feedbackId");
        Text.requireNonBlank(eventId, "eventId");
        Text.requireNonBlank(feedbackType, "feedbackType");
        faultTypes = List.copyOf(Objects.requireNonNull(faultTypes, "faultTypes"));
        images = List.copyOf(Objects.requireNonNull(images, "images"));
        Objects.requireNonNull(user, "user");
        Text.requireNonBlank(priority, "priority");
        Text.requireNonBlank(category, "category");
        reasons = List.copyOf(Objects.requireNonNull(reasons, "reasons"));
        Text.requireNonBlank(status, "status");
        Text.requireNonBlank(receivedAt, "receivedAt");
        imageCopies = List.copyOf(Objects.requireNonNull(imageCopies, "imageCopies"));
    }

    /** @param copies the copies of its images, by their position */
    public static FeedbackItem of(TriagedFeedback item, List<ImageCopy> copies) {
        Feedback feedback = item.feedback();
        List<ImageCopyItem> imageCopies = IntStream.range(0, feedback.images().size())
                .mapToObj(n -> copies.stream().filter(c -> c.position() == n).findFirst()
                        .map(c -> ImageCopyItem.of(feedback.feedbackId(), c)).orElseGet(ImageCopyItem::pending))
                .toList();
        return new FeedbackItem(
                feedback.feedbackId(),
                item.meta().eventId(),
                feedback.appId(),
                item.meta().tenantKey(),
                feedback.tenantName(),
                feedback.type().label(),
                feedback.faultKinds().stream().map(LarkCode::label).toList(),
                feedback.source() == null ? null : feedback.source().label(),
                ApiTime.larkLocal(feedback.feedbackTime()),
                ApiTime.larkLocal(feedback.faultTime()),
                feedback.description(),
                feedback.contact(),
                feedback.images(),
                feedback.path(),
                UserView.of(feedback.user()),
                item.triage().priority().name(),
                item.triage().category(),
                item.triage().reasons().stream().map(Reason::english).toList(),
                item.status().label(),
                item.assignee(),
                item.version(),
                ApiTime.instant(item.meta().receivedAt()),
                item.problemId(),
                imageCopies);
    }

    /** Description, contact and user ids are personal data. */
    @Override
    public String toString() {
        return "FeedbackItem[feedbackId=" + feedbackId + ", eventId=" + eventId + ", priority=" + priority + "]";
    }
}
