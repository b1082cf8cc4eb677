package dev.larkinbox.inbound.http.problem;

import dev.larkinbox.domain.platform.LarkRefusedException;
import dev.larkinbox.domain.platform.LarkUnavailableException;
import dev.larkinbox.domain.workflow.ConcurrentChangeException;
import dev.larkinbox.domain.workflow.FeedbackNotFoundException;
import dev.larkinbox.domain.workflow.ImpossibleTransitionException;
import dev.larkinbox.domain.workflow.StaleVersionException;
import java.util.function.Supplier;

/** The refusals of the workflow and recovery use cases, as the problem documents of the API. */
public final class DomainRefusals {
    private DomainRefusals() {
    }

    /** Runs the use case; a refusal of it becomes a {@link ProblemException}. */
    public static <T> T answered(Supplier<T> useCase) {
        try {
            return useCase.get();
        } catch (FeedbackNotFoundException e) {
            throw new ProblemException(ProblemType.NOT_FOUND, "no feedback with this feedback_id");
        } catch (ImpossibleTransitionException e) {
            // the workflow's reason, such as "new can only go to acknowledged"
            throw new ProblemException(ProblemType.IMPOSSIBLE_TRANSITION, e.getMessage());
        } catch (StaleVersionException e) {
            throw new ProblemException(ProblemType.STALE_VERSION,
                    e.getMessage() + "; GET the feedback again for its current ETag");
        } catch (ConcurrentChangeException e) {
            throw new ProblemException(ProblemType.CONCURRENT_CHANGE, "the feedback kept changing; try again");
        } catch (LarkUnavailableException e) {
            throw new ProblemException(ProblemType.LARK_UNAVAILABLE,
                    "Lark's open API could not be reached; try again later");
        } catch (LarkRefusedException e) {
            throw new ProblemException(ProblemType.LARK_REFUSED, "Lark's open API refused with code " + e.code());
        }
    }
}
