package dev.larkinbox.outbound.db.problem;

import dev.larkinbox.domain.feedback.FaultKind;
import dev.larkinbox.domain.feedback.FeedbackType;
import dev.larkinbox.domain.inbox.FeedbackStatus;
import dev.larkinbox.domain.problem.GroupingKey;
import dev.larkinbox.domain.problem.Problem;
import dev.larkinbox.domain.reason.Reason;
import dev.larkinbox.domain.triage.Priority;
import dev.larkinbox.outbound.db.postgres.Keyset;
import dev.larkinbox.outbound.db.postgres.PostgresReasons;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** A row of {@code problem} as read back. */
@Introspected
public record ProblemView(
        String problemId,
        @Nullable String appId,
        int feedbackType,
        @TypeDef(type = DataType.INTEGER_ARRAY) int[] faultTypes,
        @Nullable String feedbackPath,
        @Nullable String title,
        long reportCount,
        int tenants,
        Instant firstSeen,
        Instant lastSeen,
        String status,
        String priority,
        @Nullable Instant spikingSince,
        @TypeDef(type = DataType.STRING_ARRAY) String[] spikeReasons,
        @Nullable String regression,
        @TypeDef(type = DataType.STRING_ARRAY) String[] reasons) {

    static final String COLUMNS = """
            p.problem_id, p.app_id, p.feedback_type, p.fault_types, p.feedback_path, p.title, p.report_count,
            p.tenants, p.first_seen, p.last_seen, p.status, p.priority, p.spiking_since, p.spike_reasons,
            p.regression, p.reasons
            """;

    public Problem toDomain() {
        List<Reason> all = new ArrayList<>(PostgresReasons.ofStored(reasons));
        if (regression != null) {
            all.add(PostgresReasons.ofStored(regression));
        }
        all.addAll(PostgresReasons.ofStored(spikeReasons));
        return new Problem(problemId, key(appId, feedbackType, faultTypes, feedbackPath), title, reportCount,
                firstSeen, lastSeen, tenants, FeedbackStatus.fromLabel(status), Priority.valueOf(priority),
                spikingSince, regression != null, all);
    }

    static GroupingKey key(String appId, int feedbackType, int[] faultTypes, String feedbackPath) {
        return new GroupingKey(appId, FeedbackType.ofCode(feedbackType),
                Arrays.stream(faultTypes).mapToObj(FaultKind::ofCode).collect(Collectors.toSet()), feedbackPath);
    }

    Keyset position() {
        return new Keyset(lastSeen, problemId);
    }

    Keyset positionByCount() {
        return new Keyset(Long.toString(reportCount), lastSeen, problemId);
    }

    /** The title is personal data: it stays out of logs. */
    @Override
    public String toString() {
        return "ProblemView[problemId=" + problemId + "]";
    }
}
