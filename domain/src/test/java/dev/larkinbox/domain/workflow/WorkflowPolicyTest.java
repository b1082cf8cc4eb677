package dev.larkinbox.domain.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.larkinbox.domain.inbox.FeedbackStatus;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class WorkflowPolicyTest {

    @ParameterizedTest(name = "{0} -> {1}: {2}")
    @CsvSource({
            "new, acknowledged, new feedback is acknowledged",
            "acknowledged, in_progress, acknowledged feedback is taken into work",
            "in_progress, resolved, work in progress is resolved",
            "in_progress, closed, work in progress is closed",
            "resolved, acknowledged, resolved feedback is reopened",
            "closed, acknowledged, closed feedback is reopened"})
    void theWorkflowAllowsTheseMovesAndSaysWhy(String from, String to, String reason) {
        Transition t = WorkflowPolicy.decide(FeedbackStatus.fromLabel(from), FeedbackStatus.fromLabel(to));

        assertTrue(t.allowed());
        assertEquals(reason, t.reason());
    }

    @ParameterizedTest(name = "{0} -> {1} refused: {2}")
    @CsvSource({
            "new, in_progress, new can only go to acknowledged",
            "new, resolved, new can only go to acknowledged",
            "new, closed, new can only go to acknowledged",
            "acknowledged, new, acknowledged can only go to in_progress",
            "acknowledged, resolved, acknowledged can only go to in_progress",
            "acknowledged, closed, acknowledged can only go to in_progress",
            "in_progress, new, in_progress can only go to resolved or closed",
            "in_progress, acknowledged, in_progress can only go to resolved or closed",
            "resolved, new, resolved can only go to acknowledged",
            "resolved, in_progress, resolved can only go to acknowledged",
            "resolved, closed, resolved can only go to acknowledged",
            "closed, new, closed can only go to acknowledged",
            "closed, in_progress, closed can only go to acknowledged",
            "closed, resolved, closed can only go to acknowledged"})
    void everyOtherMoveIsRefusedWithTheMovesThatAreOpen(String from, String to, String reason) {
        Transition t = WorkflowPolicy.decide(FeedbackStatus.fromLabel(from), FeedbackStatus.fromLabel(to));

        assertFalse(t.allowed());
        assertEquals(reason, t.reason());
    }

    @ParameterizedTest
    @EnumSource(FeedbackStatus.class)
    void stayingPutIsNoTransition(FeedbackStatus status) {
        Transition t = WorkflowPolicy.decide(status, status);

        assertFalse(t.allowed());
        assertEquals("the feedback is already " + status.label(), t.reason());
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
}
