package dev.larkinbox.inbound.http.problems;

import dev.larkinbox.domain.feedback.LarkCode;
import dev.larkinbox.domain.problem.Problem;
import dev.larkinbox.domain.reason.Reason;
import dev.larkinbox.inbound.http.api.ApiTime;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * A problem as {@code /api/problems} shows it. Absent values are written as null, never left out.
 *
 * @param title        from the first report's description; null when it had none
 * @param count        how many feedback belong to it
 * @param tenants      how many distinct tenants reported it
 * @param priority     its feedback's most urgent priority, one step up while it spikes
 * @param spiking      whether it is spiking now
 * @param regressed    whether it was reported again after it was resolved or closed
 * @param reasons      why its reports are one, why it spikes or regressed
 */
@Serdeable.Serializable(naming = SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ProblemItem(
        String problemId,
        @Nullable String appId,
        @Nullable String title,
        long count,
        String firstSeen,
        String lastSeen,
        int tenants,
        @ArraySchema(schema = @Schema(allowableValues = {"black_screen", "white_screen", "cannot_open", "lag",
                "crash", "slow_page_load", "freeze", "other", "unknown"})) List<String> faultTypes,
        @Nullable String feedbackPath,
        @Schema(allowableValues = {"new", "acknowledged", "in_progress", "resolved", "closed"}) String status,
        @Schema(allowableValues = {"P1", "P2", "P3", "P4"}) String priority,
        boolean spiking,
        boolean regressed,
        List<String> reasons) {

    static ProblemItem of(Problem problem) {
        return new ProblemItem(problem.problemId(), problem.key().appId(), problem.title(), problem.count(),
                ApiTime.instant(problem.firstSeen()), ApiTime.instant(problem.lastSeen()), problem.tenants(),
                problem.key().faultKinds().stream().map(LarkCode::label).sorted().toList(), problem.key().path(),
                problem.status().label(), problem.priority().name(), problem.spiking(), problem.regressed(),
                problem.reasons().stream().map(Reason::english).toList());
    }

    /** The title is personal data. */
    @Override
    public String toString() {
        return "ProblemItem[problemId=" + problemId + ", count=" + count + ", priority=" + priority + "]";
    }
}
