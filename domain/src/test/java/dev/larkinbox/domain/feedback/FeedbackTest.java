package dev.larkinbox.domain.feedback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.larkinbox.domain.event.UserRef;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeedbackTest {

    @Test
    void aFeedbackNeedsAnIdAndAType() {
        assertThrows(IllegalArgumentException.class, () -> new Feedback(" ", null, null, null, FeedbackType.FAULT,
                null, null, null, null, null, null, null, null));
        assertThrows(NullPointerException.class, () -> new Feedback("fb", null, null, null, null,
                null, null, null, null, null, null, null, null));
    }

    @Test
    void missingOptionalPartsBecomeEmptyNotNull() {
        Feedback f = new Feedback("fb", null, null, null, FeedbackType.SUGGESTION, null, null, null, null, null, null,
                null, null);

        assertEquals(List.of(), f.faultKinds());
        assertEquals(List.of(), f.images());
        assertEquals(UserRef.NONE, f.user());
    }

    @Test
    void itsListsCannotBeChangedFromOutside() {
        List<FaultKind> kinds = new ArrayList<>(List.of(FaultKind.CRASH));
        Feedback f = new Feedback("fb", null, null, null, FeedbackType.FAULT, kinds, null, null, null, null, null,
                null, null);
        kinds.add(FaultKind.LAG);

        assertEquals(List.of(FaultKind.CRASH), f.faultKinds());
    }

    @Test
    void personalDataStaysOutOfItsTextForm() {
        Feedback f = new Feedback("fb", "cli_app", "租户", new UserRef("ou_secret", "on_secret", "uid_secret"),
                FeedbackType.FAULT, List.of(FaultKind.CRASH), null, null, null, "我的手机坏了 description",
                "wang@example.com", List.of(), null);

        String text = f + " " + f.user();
        assertFalse(text.contains("wang@example.com"));
        assertFalse(text.contains("description"));
        assertFalse(text.contains("secret"));
    }
}
