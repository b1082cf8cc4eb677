package dev.larkinbox.domain.feedback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class LarkValuesTest {

    @Test
    void larkLocalTimesAreReadAndUnreadableOnesLeftOut() {
        assertEquals(LocalDateTime.of(2022, 1, 30, 11, 30, 12), LarkValues.localTime("2022-01-30 11:30:12"));
        assertNull(LarkValues.localTime("yesterday"));
        assertNull(LarkValues.localTime("2022-02-30 11:30:12"));
        assertNull(LarkValues.localTime(" "));
        assertNull(LarkValues.localTime(null));
    }

    @Test
    void missingNumbersAreUnknownOrAbsentNeverAFailure() {
        assertEquals(new UnknownCode(0), LarkValues.type(null));
        assertEquals(FeedbackType.SUGGESTION, LarkValues.type(2));
        assertNull(LarkValues.source(null));
        assertEquals(List.of(), LarkValues.faultKinds(null));
        assertEquals(List.of(FaultKind.CRASH, new UnknownCode(42)), LarkValues.faultKinds(new Integer[] {5, null, 42}));
        assertEquals(List.of("a", "b"), LarkValues.present(new String[] {"a", null, "b"}));
    }
}
