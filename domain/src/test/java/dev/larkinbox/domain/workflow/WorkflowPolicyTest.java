package dev.larkinbox.domain.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.larkinbox.domain.inbox.FeedbackStatus;
import dev.larkinbox.domain.reason.Reason;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class WorkflowPolicyTest {

    @ParameterizedTest(name = "{0} -> {1}: {2}")
    @CsvSource({
            "new, acknowledged, new feedback is acknowledged",
            "new, in_progress, new feedback is taken into work",
            "new, resolved, new feedback is resolved in one move",
            "new, closed, new feedback is closed in one move",
            "acknowledged, in_progress, acknowledged feedback is taken into work",
            "acknowledged, resolved, acknowledged feedback is resolved in one move",
            "acknowledged, closed, acknowledged feedback is closed in one move",
            "in_progress, resolved, work in progress is resolved",
            "in_progress, closed, work in progress is closed",
            "resolved, acknowledged, resolved feedback is reopened",
            "closed, acknowledged, closed feedback is reopened"})
    void theWorkflowAllowsTheseMovesAndSaysWhy(String from, String to, String reason) {
        Transition t = WorkflowPolicy.decide(FeedbackStatus.fromLabel(from), FeedbackStatus.fromLabel(to));

        assertTrue(t.allowed());
        assertEquals(reason, t.reason().english());
    }

    @ParameterizedTest(name = "{0} -> {1} refused: {2}")
    @CsvSource({
            "acknowledged, new, 'acknowledged can only go to in_progress, resolved or closed'",
            "in_progress, new, in_progress can only go to resolved or closed",
            "in_progress, acknowledged, in_progress can only go to resolved or closed",
            "resolved, new, resolved can only go to acknowledged",
            "resolved, in_progress, resolved can only go to acknowledged",
            "resolved, closed, resolved can only go to acknowledged",
            "closed, new, closed can only go to acknowledged",
            "closed, in_progress, closed can only go to acknowledged",
            "closed, resolved, closed can only go to acknowledged"})
    void goingBackOrFromAnEndToAnythingButReopeningIsRefusedWithTheMovesThatAreOpen(String from, String to, String reason) {
        Transition t = WorkflowPolicy.decide(FeedbackStatus.fromLabel(from), FeedbackStatus.fromLabel(to));

        assertFalse(t.allowed());
        assertEquals(reason, t.reason().english());
    }

    @Test
    void aRefusalIsAKeyWithTheStatusesItNamesAndReadsInEitherLanguage() {
        Transition t = WorkflowPolicy.decide(FeedbackStatus.IN_PROGRESS, FeedbackStatus.NEW);

        assertEquals(Reason.of("workflow.only.2", "in_progress", "resolved", "closed"), t.reason());
        assertEquals("处理中只能改为已解决或已关闭", t.reason().text(Locale.SIMPLIFIED_CHINESE));
        assertEquals("该反馈已是已解决", WorkflowPolicy.decide(FeedbackStatus.RESOLVED, FeedbackStatus.RESOLVED)
                .reason().text(Locale.SIMPLIFIED_CHINESE));
    }

    @ParameterizedTest
    @EnumSource(FeedbackStatus.class)
    void stayingPutIsNoTransition(FeedbackStatus status) {
        Transition t = WorkflowPolicy.decide(status, status);

        assertFalse(t.allowed());
        assertEquals(Reason.of("workflow.already", status.label()), t.reason());
        assertEquals("the feedback is already " + status.label(), t.reason().english());
    }

    @ParameterizedTest
    @EnumSource(FeedbackStatus.class)
    void theOpenMovesAreExactlyTheAllowedOnes(FeedbackStatus from) {
        for (FeedbackStatus to : FeedbackStatus.values()) {
            assertEquals(WorkflowPolicy.next(from).contains(to), WorkflowPolicy.decide(from, to).allowed(),
                    from + " -> " + to);
        }
        assertFalse(WorkflowPolicy.next(from).isEmpty(), "no status is a dead end");
        assertFalse(WorkflowPolicy.next(from).contains(FeedbackStatus.NEW), "nothing goes back to new");
    }

    @ParameterizedTest
    @EnumSource(value = FeedbackStatus.class, names = {"NEW", "ACKNOWLEDGED", "IN_PROGRESS"})
    void anOpenFeedbackIsResolvedOrClosedInOneMove(FeedbackStatus from) {
        assertTrue(WorkflowPolicy.decide(from, FeedbackStatus.RESOLVED).allowed());
        assertTrue(WorkflowPolicy.decide(from, FeedbackStatus.CLOSED).allowed());
    }

    @ParameterizedTest
    @EnumSource(value = FeedbackStatus.class, names = {"RESOLVED", "CLOSED"})
    void anEndedFeedbackIsOnlyReopened(FeedbackStatus from) {
        assertEquals(Set.of(FeedbackStatus.ACKNOWLEDGED), WorkflowPolicy.next(from));
    }
}
