package dev.larkinbox.outbound.db.inbox;

import static dev.larkinbox.outbound.db.postgres.PostgresText.storable;

import dev.larkinbox.domain.feedback.Feedback;
import dev.larkinbox.domain.feedback.LarkCode;
import dev.larkinbox.domain.inbox.TriagedFeedback;
import dev.larkinbox.outbound.db.postgres.PostgresReasons;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;
import java.time.Instant;
import java.time.LocalDateTime;

/**
 * A row of {@code feedback}, as written. Lark's numbers are kept raw. The local times travel as ISO text and
 * PostgreSQL casts them: binding them as {@code java.sql.Timestamp} would shift a time that falls in a
 * daylight-saving gap of the JVM's zone.
 */
@MappedEntity("feedback")
public record FeedbackRow(
        @Id String feedbackId,
        String eventId,
        @Nullable String appId,
        @Nullable String tenantKey,
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
        Instant receivedAt,
        String rawEvent,
        int omittedFaultTypes,
        int omittedImages,
        @TypeDef(type = DataType.STRING_ARRAY) String[] reasonKeys,
        @Nullable @TypeDef(type = DataType.INTEGER_ARRAY) int[] descriptionGrams) {

    public static FeedbackRow of(TriagedFeedback item, String rawEvent) {
        Feedback f = item.feedback();
        return new FeedbackRow(storable(f.feedbackId()), storable(item.meta().eventId()), storable(f.appId()),
                storable(item.meta().tenantKey()), storable(f.tenantName()), storable(f.user().openId()),
                storable(f.user().unionId()), storable(f.user().userId()), f.type().code(),
                f.faultKinds().stream().mapToInt(LarkCode::code).toArray(),
                f.source() == null ? null : f.source().code(), iso(f.feedbackTime()), iso(f.faultTime()),
                storable(f.description()), storable(f.contact()), storable(f.images()), storable(f.path()),
                item.triage().priority().name(), storable(item.triage().category()),
                PostgresReasons.texts(item.triage().reasons()), item.status().label(), storable(item.assignee()),
                item.version(),
                item.meta().receivedAt(), storable(rawEvent), f.omittedFaultKinds(), f.omittedImages(),
                PostgresReasons.keys(item.triage().reasons()), DescriptionGrams.of(storable(f.description())));
    }

    private static String iso(LocalDateTime time) {
        return time == null ? null : time.toString();
    }

    /** Personal data stays out of logs. */
    @Override
    public String toString() {
        return "FeedbackRow[feedbackId=" + feedbackId + ", eventId=" + eventId + "]";
    }
}
