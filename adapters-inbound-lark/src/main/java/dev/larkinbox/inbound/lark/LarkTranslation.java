package dev.larkinbox.inbound.lark;

import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.lark.oapi.core.utils.Jsons;
import com.lark.oapi.service.application.v6.model.P2ApplicationAppVersionPublishRevokeV6Data;
import com.lark.oapi.service.application.v6.model.P2ApplicationFeedbackCreatedV6Data;
import com.lark.oapi.service.application.v6.model.P2ApplicationFeedbackUpdatedV6Data;
import com.lark.oapi.service.application.v6.model.UserId;
import dev.larkinbox.domain.event.EventMeta;
import dev.larkinbox.domain.event.UserRef;
import dev.larkinbox.domain.feedback.FaultKind;
import dev.larkinbox.domain.feedback.Feedback;
import dev.larkinbox.domain.feedback.FeedbackSource;
import dev.larkinbox.domain.feedback.FeedbackType;
import dev.larkinbox.domain.revocation.AppVersionRevocation;
import dev.larkinbox.domain.workflow.ApplyLarkStatusCommand;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Lark's event bodies, read through the SDK's own models, into domain records.
 * A body the models cannot read, or that lacks what the domain requires, is an {@link UntranslatableEventException}.
 */
final class LarkTranslation {
    private static final DateTimeFormatter LARK_LOCAL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /** Feedback type 0 stands for "Lark did not say": triaged like any type we do not know. */
    private static final int TYPE_NOT_GIVEN = 0;

    private LarkTranslation() {
    }

    static Feedback feedback(JsonObject event) {
        P2ApplicationFeedbackCreatedV6Data data = read(event, P2ApplicationFeedbackCreatedV6Data.class);
        return domain(() -> new Feedback(
                data.getFeedbackId(),
                data.getAppId(),
                data.getTenantName(),
                user(data.getUserId()),
                FeedbackType.ofCode(data.getFeedbackType() == null ? TYPE_NOT_GIVEN : data.getFeedbackType()),
                data.getFaultType() == null ? List.of()
                        : Arrays.stream(data.getFaultType()).filter(Objects::nonNull).map(FaultKind::ofCode).toList(),
                data.getSource() == null ? null : FeedbackSource.ofCode(data.getSource()),
                localTime(data.getFeedbackTime()),
                localTime(data.getFaultTime()),
                data.getDescription(),
                data.getContact(),
                data.getImages() == null ? List.of()
                        : Arrays.stream(data.getImages()).filter(Objects::nonNull).toList(),
                data.getFeedbackPath()));
    }

    static AppVersionRevocation revocation(JsonObject event, Instant revokedAt) {
        P2ApplicationAppVersionPublishRevokeV6Data data = read(event, P2ApplicationAppVersionPublishRevokeV6Data.class);
        return domain(() -> new AppVersionRevocation(data.getAppId(), data.getVersionId(),
                user(data.getOperatorId()), user(data.getCreatorId()), revokedAt));
    }

    /** {@code feedback_ids} may name several feedback; both it and {@code status} are required. */
    static ApplyLarkStatusCommand statusUpdate(EventMeta meta, JsonObject event, String raw) {
        P2ApplicationFeedbackUpdatedV6Data data = read(event, P2ApplicationFeedbackUpdatedV6Data.class);
        if (data.getFeedbackIds() == null || data.getStatus() == null) {
            throw new UntranslatableEventException("the status update has no feedback_ids or no status");
        }
        return domain(() -> new ApplyLarkStatusCommand(meta,
                Arrays.stream(data.getFeedbackIds()).filter(Objects::nonNull).toList(), data.getStatus(), raw));
    }

    private static <T> T read(JsonObject event, Class<T> model) {
        if (event == null) {
            throw new UntranslatableEventException("the event has no body");
        }
        try {
            // from text, not from the tree: the tree reader silently clamps 1e30 to Integer.MAX_VALUE
            return Jsons.DEFAULT.fromJson(event.toString(), model);
        } catch (JsonParseException | NumberFormatException | IllegalStateException e) {
            // the models' own messages may quote field values (personal data): name the shape only
            throw new UntranslatableEventException("the event body has a field of the wrong type");
        }
    }

    private static <T> T domain(java.util.function.Supplier<T> build) {
        try {
            return build.get();
        } catch (IllegalArgumentException | NullPointerException e) {
            // the domain's validation messages name fields, never values
            throw new UntranslatableEventException(e.getMessage());
        }
    }

    private static UserRef user(UserId id) {
        return id == null ? UserRef.NONE : new UserRef(id.getOpenId(), id.getUnionId(), id.getUserId());
    }

    /** A time Lark wrote in a form we do not read is left out; the raw event still holds it. */
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
