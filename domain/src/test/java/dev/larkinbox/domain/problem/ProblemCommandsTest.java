package dev.larkinbox.domain.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.larkinbox.domain.inbox.FeedbackStatus;
import dev.larkinbox.domain.validation.InvalidCommandException;
import dev.larkinbox.domain.workflow.Actor;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** What a person asks of a problem is refused, saying why, before anything moves. */
class ProblemCommandsTest {
    private static final Actor ALICE = Actor.user("alice");

    @Test
    void workingAProblemNeedsAStatusAndTakesOnlyANoteEachFeedbackCouldCarry() {
        assertEquals("status is required: one of new, acknowledged, in_progress, resolved, closed",
                assertThrows(IllegalArgumentException.class,
                        () -> new WorkProblemCommand("pb-1", null, "on it", ALICE)).getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> new WorkProblemCommand("pb-1", FeedbackStatus.ACKNOWLEDGED, " ", ALICE));
        assertThrows(IllegalArgumentException.class,
                () -> new WorkProblemCommand("pb-1", FeedbackStatus.ACKNOWLEDGED, "n".repeat(2001), ALICE));
        assertEquals("n".repeat(2000),
                new WorkProblemCommand("pb-1", FeedbackStatus.ACKNOWLEDGED, "n".repeat(2000), ALICE).note());
    }

    @Test
    void aProblemIsMergedIntoAnotherNamedOne() {
        assertEquals("the problem to merge into is required", assertThrows(IllegalArgumentException.class,
                () -> new MergeProblemsCommand("pb-1", null, ALICE)).getMessage());
        assertEquals("a problem cannot be merged into itself", assertThrows(IllegalArgumentException.class,
                () -> new MergeProblemsCommand("pb-1", "pb-1", ALICE)).getMessage());
        assertEquals("pb-2", new MergeProblemsCommand("pb-1", "pb-2", ALICE).intoProblemId());
    }

    @Test
    void aPageSaysWhyInTheReadersLanguage() {
        InvalidCommandException itself = assertThrows(InvalidCommandException.class,
                () -> new MergeProblemsCommand("pb-1", "pb-1", ALICE));
        assertEquals("问题不能并入它自己", itself.reason().text(Locale.SIMPLIFIED_CHINESE));
        InvalidCommandException noStatus = assertThrows(InvalidCommandException.class,
                () -> new WorkProblemCommand("pb-1", null, null, ALICE));
        assertEquals("请选择状态，可选：待处理、已确认、处理中、已解决、已关闭",
                noStatus.reason().text(Locale.SIMPLIFIED_CHINESE));
    }
}
