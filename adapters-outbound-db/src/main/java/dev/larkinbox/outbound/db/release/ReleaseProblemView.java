package dev.larkinbox.outbound.db.release;

import dev.larkinbox.domain.inbox.FeedbackStatus;
import dev.larkinbox.domain.release.ReleaseProblem;
import dev.larkinbox.domain.triage.Priority;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import java.time.Instant;

/** A problem as a release lists it, with when it was first seen or reopened. */
@Introspected
public record ReleaseProblemView(String problemId, @Nullable String title, long count, String status,
                                 String priority, Instant at) {
    ReleaseProblem toDomain() {
        return new ReleaseProblem(problemId, title, count, FeedbackStatus.fromLabel(status), Priority.valueOf(priority),
                at);
    }
}
