package dev.larkinbox.outbound.db.inbox;

import dev.larkinbox.domain.event.EventMeta;
import dev.larkinbox.domain.event.UserRef;
import dev.larkinbox.domain.feedback.FaultKind;
import dev.larkinbox.domain.feedback.Feedback;
import dev.larkinbox.domain.feedback.FeedbackSource;
import dev.larkinbox.domain.feedback.FeedbackType;
import dev.larkinbox.domain.inbox.FeedbackStatus;
import dev.larkinbox.domain.inbox.TriagedFeedback;
import dev.larkinbox.domain.triage.Priority;
import dev.larkinbox.domain.triage.Triage;
import dev.larkinbox.outbound.db.ledger.LedgerRow;
import dev.larkinbox.outbound.db.postgres.Keyset;
import dev.larkinbox.outbound.db.postgres.PostgresReasons;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;

/**
 * A feedback as read back, with the envelope of its event from the ledger. The local times come as
 * PostgreSQL's ISO text ({@code 2022-01-30 11:30:12}).
 */
@Introspected
public record FeedbackView(
        String eventId,
        String eventType,
        @Nullable String eventAppId,
        @Nullable String tenantKey,
        String transport,
        @Nullable Instant createdAt,
        Instant receivedAt,
        String feedbackId,
        @Nullable String appId,
        @Nullable String tenantName,
        @Nullable String userOpenId,
        @Nullable String userUnionId,
        @Nullable String userUserId,
        int feedbackType,
        @TypeDef(type = DataType.INTEGER_ARRAY) int[] faultTypes,
        @Nullable Integer source,
        @Nullable String feedbackTime,
        @Nullable String faultTime,
        @Nullable String description,
        @Nullable String contact,
        @TypeDef(type = DataType.STRING_ARRAY) String[] images,
        @Nullable String feedbackPath,
        String priority,
        String category,
        @TypeDef(type = DataType.STRING_ARRAY) String[] reasons,
        String status,
        @Nullable String assignee,
        long version,
        int omittedFaultTypes,
        int omittedImages,
        @Nullable String problemId,
        @Nullable @TypeDef(type = DataType.STRING_ARRAY) String[] reasonKeys) {

    /**
     * The row of {@link FeedbackRepository#SELECT_VIEW} a cursor is at, for reads too long for a repository's list,
     * or too frequent for its mapping.
     */
    public static FeedbackView read(ResultSet row) throws SQLException {
        return new FeedbackView(row.getString("event_id"), row.getString("event_type"), row.getString("event_app_id"),
                row.getString("tenant_key"), row.getString("transport"), instant(row, "created_at"),
                instant(row, "received_at"), row.getString("feedback_id"), row.getString("app_id"),
                row.getString("tenant_name"), row.getString("user_open_id"), row.getString("user_union_id"),
                row.getString("user_user_id"), row.getInt("feedback_type"),
                Arrays.stream((Integer[]) row.getArray("fault_types").getArray()).mapToInt(Integer::intValue).toArray(),
                row.getObject("source", Integer.class), row.getString("feedback_time"), row.getString("fault_time"),
                row.getString("description"), row.getString("contact"), (String[]) row.getArray("images").getArray(),
                row.getString("feedback_path"), row.getString("priority"), row.getString("category"),
                (String[]) row.getArray("reasons").getArray(), row.getString("status"), row.getString("assignee"),
                row.getLong("version"), row.getInt("omitted_fault_types"), row.getInt("omitted_images"),
                row.getString("problem_id"), keys(row));
    }

    private static String[] keys(ResultSet row) throws SQLException {
        Array keys = row.getArray("reason_keys");
        return keys == null ? null : (String[]) keys.getArray();
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime time = row.getObject(column, OffsetDateTime.class);
        return time == null ? null : time.toInstant();
    }

    public TriagedFeedback toDomain() {
        EventMeta meta = LedgerRow.meta(eventId, eventType, eventAppId, tenantKey, transport, createdAt, receivedAt);
        List<FaultKind> faultKinds = Arrays.stream(faultTypes).mapToObj(FaultKind::ofCode).toList();
        var feedback = new Feedback(feedbackId, appId, tenantName, new UserRef(userOpenId, userUnionId, userUserId),
                FeedbackType.ofCode(feedbackType), faultKinds, source == null ? null : FeedbackSource.ofCode(source),
                localTime(feedbackTime), localTime(faultTime), description, contact, List.of(images), feedbackPath,
                omittedFaultTypes, omittedImages);
        return new TriagedFeedback(meta, feedback, new Triage(Priority.valueOf(priority), category,
                PostgresReasons.read(reasons, reasonKeys)),
                FeedbackStatus.fromLabel(status), assignee, version, problemId);
    }

    public Keyset position() {
        return new Keyset(receivedAt, eventId);
    }

    public Keyset positionByPriority() {
        return new Keyset(priority, receivedAt, eventId);
    }

    private static LocalDateTime localTime(String iso) {
        return iso == null ? null : LocalDateTime.parse(iso.replace(' ', 'T'));
    }

    /** Personal data stays out of logs. */
    @Override
    public String toString() {
        return "FeedbackView[feedbackId=" + feedbackId + ", eventId=" + eventId + "]";
    }
}
