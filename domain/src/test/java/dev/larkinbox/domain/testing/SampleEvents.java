package dev.larkinbox.domain.testing;

import dev.larkinbox.domain.event.EventMeta;
import dev.larkinbox.domain.event.Transport;
import dev.larkinbox.domain.event.UserRef;
import dev.larkinbox.domain.feedback.FaultKind;
import dev.larkinbox.domain.feedback.Feedback;
import dev.larkinbox.domain.feedback.FeedbackSource;
import dev.larkinbox.domain.feedback.FeedbackType;
import dev.larkinbox.domain.inbox.FeedbackStatus;
import dev.larkinbox.domain.inbox.TriagedFeedback;
import dev.larkinbox.domain.ledger.LedgerOutcome;
import dev.larkinbox.domain.ledger.RecordUnhandledEventCommand;
import dev.larkinbox.domain.revocation.AppVersionRevocation;
import dev.larkinbox.domain.revocation.RecordRevocationCommand;
import dev.larkinbox.domain.triage.DefaultTriagePolicy;
import dev.larkinbox.domain.version.PublishApplication;
import dev.larkinbox.domain.version.RecordVersionStepCommand;
import dev.larkinbox.domain.version.VersionEventKind;
import dev.larkinbox.domain.version.VersionReview;
import dev.larkinbox.domain.version.VersionState;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;

/**
 * Events as the stores receive them, for tests. Times have microsecond precision, as PostgreSQL keeps them.
 */
public final class SampleEvents {
    public static final String FEEDBACK_CREATED = "application.application.feedback.created_v6";
    public static final String PUBLISH_REVOKED = "application.application.app_version.publish_revoke_v6";
    public static final String PUBLISH_APPLIED = "application.application.app_version.publish_apply_v6";
    public static final String VERSION_REVIEWED = "application.application.app_version.audit_v6";
    public static final Instant T0 = Instant.parse("2024-05-01T08:00:00.123456Z");
    public static final String APP = "cli_9b445f5258795107";

    private SampleEvents() {
    }

    public static EventMeta meta(String eventId, String eventType, Instant receivedAt) {
        return new EventMeta(eventId, eventType, "cli_9f5343c580712544", "2ca1d211f64f6438",
                Instant.parse("2020-12-23T12:19:49Z"), receivedAt, Transport.WEBHOOK);
    }

    /** A crash report with every field set, triaged by the default policy, status NEW. */
    public static TriagedFeedback feedback(String eventId, String feedbackId, Instant receivedAt) {
        return triaged(meta(eventId, FEEDBACK_CREATED, receivedAt), fault(feedbackId, APP, FaultKind.CRASH),
                FeedbackStatus.NEW);
    }

    public static Feedback fault(String feedbackId, String appId, FaultKind... kinds) {
        return new Feedback(feedbackId, appId, "字节跳动",
                new UserRef("ou_84aad35d084aa403a838cf73ee18467", "on_8ed6aa67826108097d9ee143816345", "e33ggbyz"),
                FeedbackType.FAULT, List.of(kinds), FeedbackSource.MINI_PROGRAM,
                LocalDateTime.parse("2022-01-30T11:30:12"), LocalDateTime.parse("2022-01-30T11:29:00"),
                "反馈的详细信息", "wang@example.com", List.of("https://p6-lark-openplatform-image-sign.byteimg.com/a"),
                "page/index");
    }

    public static Feedback suggestion(String feedbackId, String appId) {
        return new Feedback(feedbackId, appId, null, UserRef.NONE, FeedbackType.SUGGESTION, List.of(), null, null,
                null, "please add a dark mode", null, List.of(), null);
    }

    public static TriagedFeedback triaged(EventMeta meta, Feedback feedback, FeedbackStatus status) {
        return TriagedFeedback.arrived(meta, feedback, new DefaultTriagePolicy().triage(feedback), status);
    }

    public static RecordRevocationCommand revocation(String eventId, String appId, String versionId,
                                                     Instant receivedAt) {
        var operator = new UserRef("ou_operator", "on_operator", "u_operator");
        var creator = new UserRef("ou_creator", null, null);
        return new RecordRevocationCommand(meta(eventId, PUBLISH_REVOKED, receivedAt),
                new AppVersionRevocation(appId, versionId, operator, creator, Instant.parse("2020-12-23T12:19:49Z")),
                rawEvent(eventId));
    }

    /** A revocation of the app's version, Lark's time {@code at}. */
    public static RecordRevocationCommand revocation(String eventId, String appId, String versionId, Instant receivedAt,
                                                     Instant at) {
        return new RecordRevocationCommand(meta(eventId, PUBLISH_REVOKED, receivedAt),
                new AppVersionRevocation(appId, versionId, new UserRef("ou_operator", null, null), UserRef.NONE, at),
                rawEvent(eventId));
    }

    /** The publish of the app's version applied for at {@code at}, with 1.0.0 online. */
    public static RecordVersionStepCommand applied(String eventId, String appId, String versionId, String version,
                                                   Instant at) {
        return new RecordVersionStepCommand(meta(eventId, PUBLISH_APPLIED, at.plusSeconds(1)),
                new PublishApplication(appId, new VersionState(versionId, version, 3),
                        new VersionState("oav_online", "1.0.0", 1), new UserRef("ou_applicant", "on_applicant", null),
                        at), rawEvent(eventId));
    }

    /** A review of the app's version at {@code at}: approved or rejected, with a remark. */
    public static RecordVersionStepCommand reviewed(String eventId, String appId, String versionId,
                                                    VersionEventKind verdict, String remark, Instant at) {
        return new RecordVersionStepCommand(meta(eventId, VERSION_REVIEWED, at.plusSeconds(1)),
                new VersionReview(appId, versionId, verdict, remark, "administrator",
                        new UserRef("ou_reviewer", null, "u_reviewer"), new UserRef("ou_creator", null, null), at),
                rawEvent(eventId));
    }

    public static RecordUnhandledEventCommand unhandled(String eventId, LedgerOutcome outcome, Instant receivedAt) {
        return new RecordUnhandledEventCommand(meta(eventId, "application.application.feedback.updated_v6", receivedAt),
                outcome, "event type not handled", rawEvent(eventId));
    }

    /** A JSON body carrying the event id, with a NUL escape that a jsonb column would refuse. */
    public static String rawEvent(String eventId) {
        return "{\"schema\":\"2.0\",\"header\":{\"event_id\":\"" + eventId + "\"},\"event\":{\"note\":\"\\u0000\"}}";
    }
}
