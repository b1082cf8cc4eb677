package dev.larkinbox.inbound.lark;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.lark.oapi.core.utils.Jsons;
import com.lark.oapi.event.cardcallback.model.P2CardActionTriggerData;
import com.lark.oapi.service.application.v6.model.ApplicationAppVersionEvent;
import com.lark.oapi.service.application.v6.model.P2ApplicationAppVersionAuditV6Data;
import com.lark.oapi.service.application.v6.model.P2ApplicationAppVersionPublishApplyV6Data;
import com.lark.oapi.service.application.v6.model.P2ApplicationAppVersionPublishRevokeV6Data;
import com.lark.oapi.service.application.v6.model.P2ApplicationFeedbackCreatedV6Data;
import com.lark.oapi.service.application.v6.model.P2ApplicationFeedbackUpdatedV6Data;
import com.lark.oapi.service.application.v6.model.UserId;
import dev.larkinbox.domain.card.ApplyCardActionCommand;
import dev.larkinbox.domain.card.CardAction;
import dev.larkinbox.domain.event.EventMeta;
import dev.larkinbox.domain.event.UserRef;
import dev.larkinbox.domain.feedback.Feedback;
import dev.larkinbox.domain.feedback.LarkValues;
import dev.larkinbox.domain.revocation.AppVersionRevocation;
import dev.larkinbox.domain.version.PublishApplication;
import dev.larkinbox.domain.version.VersionEventKind;
import dev.larkinbox.domain.version.VersionReview;
import dev.larkinbox.domain.version.VersionState;
import dev.larkinbox.domain.workflow.ApplyLarkStatusCommand;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * Lark's event bodies, read through the SDK's own models, into domain records.
 * A body the models cannot read, or that lacks what the domain requires, is an {@link UntranslatableEventException}.
 */
final class LarkTranslation {

    /** Lark writes an approval {@code audited}; the other spellings are taken in case it writes them so. */
    private static final Set<String> APPROVED = Set.of("audited", "approved");
    private static final Set<String> REJECTED = Set.of("reject", "rejected");
    /** The SDK's models, read from the envelope's tree with no second parse, whole numbers exactly. */
    private static final Gson MODELS = Jsons.DEFAULT.newBuilder().registerTypeAdapterFactory(new ExactWholeNumbers())
            .create();

    private LarkTranslation() {
    }

    static Feedback feedback(JsonObject event) {
        P2ApplicationFeedbackCreatedV6Data data = read(event, P2ApplicationFeedbackCreatedV6Data.class);
        return domain(() -> new Feedback(
                data.getFeedbackId(),
                data.getAppId(),
                data.getTenantName(),
                user(data.getUserId()),
                LarkValues.type(data.getFeedbackType()),
                LarkValues.faultKinds(data.getFaultType()),
                LarkValues.source(data.getSource()),
                LarkValues.localTime(data.getFeedbackTime()),
                LarkValues.localTime(data.getFaultTime()),
                data.getDescription(),
                data.getContact(),
                LarkValues.present(data.getImages()),
                data.getFeedbackPath()));
    }

    static AppVersionRevocation revocation(JsonObject event, Instant revokedAt) {
        P2ApplicationAppVersionPublishRevokeV6Data data = read(event, P2ApplicationAppVersionPublishRevokeV6Data.class);
        return domain(() -> new AppVersionRevocation(data.getAppId(), data.getVersionId(),
                user(data.getOperatorId()), user(data.getCreatorId()), revokedAt));
    }

    /**
     * The version applied for is {@code under_audit_version}, required; {@code online_version} is kept when it
     * names a version. The app is the versions' {@code app_id}, or else the app the event was sent to.
     */
    static PublishApplication publishApplication(JsonObject event, String eventAppId, Instant appliedAt) {
        P2ApplicationAppVersionPublishApplyV6Data data = read(event, P2ApplicationAppVersionPublishApplyV6Data.class);
        ApplicationAppVersionEvent underAudit = data.getUnderAuditVersion();
        if (underAudit == null) {
            throw new UntranslatableEventException("the publish application has no under_audit_version");
        }
        ApplicationAppVersionEvent online = data.getOnlineVersion();
        boolean onlineNamed = online != null && online.getVersionId() != null && !online.getVersionId().isBlank();
        String appId = underAudit.getAppId() != null ? underAudit.getAppId() : eventAppId;
        return domain(() -> new PublishApplication(appId, version(underAudit), onlineNamed ? version(online) : null,
                user(data.getOperatorId()), appliedAt));
    }

    /** {@code operation} must say approved or rejected; the app is {@code app_id}, or else the event's app. */
    static VersionReview review(JsonObject event, String eventAppId, Instant reviewedAt) {
        P2ApplicationAppVersionAuditV6Data data = read(event, P2ApplicationAppVersionAuditV6Data.class);
        String operation = data.getOperation() == null ? "" : data.getOperation();
        VersionEventKind verdict = APPROVED.contains(operation) ? VersionEventKind.APPROVED
                : REJECTED.contains(operation) ? VersionEventKind.REJECTED : null;
        if (verdict == null) {
            throw new UntranslatableEventException("the review's operation is neither audited nor reject");
        }
        String appId = data.getAppId() != null ? data.getAppId() : eventAppId;
        return domain(() -> new VersionReview(appId, data.getVersionId(), verdict, data.getRemark(),
                data.getAuditSource(), user(data.getOperatorId()), user(data.getCreatorId()), reviewedAt));
    }

    /** {@code feedback_ids} may name several feedback; both it and {@code status} are required. */
    static ApplyLarkStatusCommand statusUpdate(EventMeta meta, JsonObject event, String raw) {
        P2ApplicationFeedbackUpdatedV6Data data = read(event, P2ApplicationFeedbackUpdatedV6Data.class);
        if (data.getFeedbackIds() == null || data.getStatus() == null) {
            throw new UntranslatableEventException("the status update has no feedback_ids or no status");
        }
        return domain(() -> new ApplyLarkStatusCommand(meta,
                LarkValues.present(data.getFeedbackIds()), data.getStatus(), user(data.getOperatorId()), raw));
    }

    /**
     * A click on one of our cards' buttons: who clicked ({@code operator.open_id}) and the button's value, which
     * names the feedback and the action.
     */
    static ApplyCardActionCommand cardAction(EventMeta meta, JsonObject event, String raw) {
        P2CardActionTriggerData data = read(event, P2CardActionTriggerData.class);
        Map<String, Object> value = data.getAction() == null ? null : data.getAction().getValue();
        Object feedbackId = value == null ? null : value.get(CardAction.VALUE_FEEDBACK_ID);
        Object action = value == null ? null : value.get(CardAction.VALUE_ACTION);
        if (!(feedbackId instanceof String) || !(action instanceof String)) {
            throw new UntranslatableEventException("the card action's value names no feedback_id and action");
        }
        CardAction known = CardAction.fromLabel((String) action)
                .orElseThrow(() -> new UntranslatableEventException("the card action is not one of our buttons"));
        String openId = data.getOperator() == null ? null : data.getOperator().getOpenId();
        return domain(() -> new ApplyCardActionCommand(meta, (String) feedbackId, known, openId, raw));
    }

    private static <T> T read(JsonObject event, Class<T> model) {
        if (event == null) {
            throw new UntranslatableEventException("the event has no body");
        }
        try {
            return MODELS.fromJson(event, model);
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

    private static VersionState version(ApplicationAppVersionEvent version) {
        return new VersionState(version.getVersionId(), version.getVersion(), version.getStatus());
    }

    private static UserRef user(UserId id) {
        return id == null ? UserRef.NONE : new UserRef(id.getOpenId(), id.getUnionId(), id.getUserId());
    }

}
