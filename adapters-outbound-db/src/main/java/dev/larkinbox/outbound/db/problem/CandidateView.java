package dev.larkinbox.outbound.db.problem;

import dev.larkinbox.domain.inbox.FeedbackStatus;
import dev.larkinbox.domain.problem.ProblemCandidate;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;

/** A problem a feedback may join, with its first report's description. */
@Introspected
public record CandidateView(String problemId, @Nullable String appId, int feedbackType,
                            @TypeDef(type = DataType.INTEGER_ARRAY) int[] faultTypes, @Nullable String feedbackPath,
                            @Nullable String description, String status) {

    ProblemCandidate toDomain() {
        return new ProblemCandidate(problemId, ProblemView.key(appId, feedbackType, faultTypes, feedbackPath),
                description, FeedbackStatus.fromLabel(status));
    }

    /** The description is personal data: it stays out of logs. */
    @Override
    public String toString() {
        return "CandidateView[problemId=" + problemId + "]";
    }
}
