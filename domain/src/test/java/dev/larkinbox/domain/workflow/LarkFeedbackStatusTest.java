package dev.larkinbox.domain.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.larkinbox.domain.inbox.FeedbackStatus;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class LarkFeedbackStatusTest {

    @ParameterizedTest(name = "{0} shows in Lark as {1}")
    @CsvSource({"new, 0", "acknowledged, 1", "in_progress, 2", "resolved, 3", "closed, 3"})
    void ourStatusesMapToLarksNumbers(String ours, int lark) {
        assertEquals(lark, LarkFeedbackStatus.of(FeedbackStatus.fromLabel(ours)).code());
    }

    @ParameterizedTest(name = "Lark {0} is our {1}")
    @CsvSource({"0, new", "1, acknowledged", "2, in_progress", "3, closed"})
    void larksNumbersReadAsOurStatuses(int lark, String ours) {
        assertEquals(FeedbackStatus.fromLabel(ours), LarkFeedbackStatus.fromCode(lark).orElseThrow().toStatus());
    }

    @Test
    void larksClosedAgreesWithBothOfOurEnds() {
        assertTrue(LarkFeedbackStatus.CLOSED.agreesWith(FeedbackStatus.RESOLVED));
        assertTrue(LarkFeedbackStatus.CLOSED.agreesWith(FeedbackStatus.CLOSED));
        assertFalse(LarkFeedbackStatus.CLOSED.agreesWith(FeedbackStatus.IN_PROGRESS));
    }

    @Test
    void aNumberLarkAddsLaterIsNoStatus() {
        assertEquals(Optional.empty(), LarkFeedbackStatus.fromCode(4));
        assertEquals(Optional.empty(), LarkFeedbackStatus.fromCode(-1));
    }
}
