package dev.larkinbox.domain.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.larkinbox.domain.feedback.FeedbackType;
import dev.larkinbox.domain.inbox.FeedbackStatus;
import dev.larkinbox.domain.reason.Reason;
import dev.larkinbox.domain.workflow.WorkflowPolicy;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class RegressionTest {

    private static ProblemCandidate problem(FeedbackStatus status) {
        return new ProblemCandidate("p-pay", new GroupingKey("cli_app", FeedbackType.FAULT, Set.of(), "/pay"),
                "支付闪退", status);
    }

    @ParameterizedTest(name = "a new report on a {0} problem reopens it as a regression")
    @EnumSource(value = FeedbackStatus.class, names = {"RESOLVED", "CLOSED"})
    void aNewReportOnAnEndedProblemReopensItAsARegressionWithAReason(FeedbackStatus ended) {
        Regression regression = Regression.onNewReport(problem(ended)).orElseThrow();

        assertEquals(FeedbackStatus.ACKNOWLEDGED, regression.reopenedTo());
        assertEquals(Reason.of("regression.reopened", ended.label()), regression.reason());
        assertEquals("reported again after it was " + ended.label() + ": reopened as a regression",
                regression.reason().english());
    }

    @ParameterizedTest(name = "a new report on a {0} problem is no regression")
    @EnumSource(value = FeedbackStatus.class, names = {"NEW", "ACKNOWLEDGED", "IN_PROGRESS"})
    void aNewReportOnAnOpenProblemIsNoRegression(FeedbackStatus open) {
        assertTrue(Regression.onNewReport(problem(open)).isEmpty());
    }

    @Test
    void aRegressionReopensToAStatusTheWorkflowAllows() {
        Regression regression = Regression.onNewReport(problem(FeedbackStatus.CLOSED)).orElseThrow();

        assertTrue(WorkflowPolicy.decide(FeedbackStatus.CLOSED, regression.reopenedTo())
                .allowed());
    }
}
