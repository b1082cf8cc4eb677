package dev.larkinbox.domain.reply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.larkinbox.domain.reason.Reason;
import dev.larkinbox.domain.validation.InvalidCommandException;
import dev.larkinbox.domain.workflow.Actor;
import dev.larkinbox.domain.workflow.WorkFeedbackCommand;
import org.junit.jupiter.api.Test;

class ReplyCommandTest {
    private static final Actor ALICE = Actor.user("alice");

    @Test
    void aReplyNeedsSomeText() {
        assertThrows(IllegalArgumentException.class, () -> new ReplyCommand("fb-1", null, ALICE));
        var blank = assertThrows(InvalidCommandException.class, () -> new ReplyCommand("fb-1", " \n ", ALICE));
        assertEquals(Reason.of("command.reply-text", ReplyCommand.MAX_TEXT_LENGTH), blank.reason());
        assertEquals("text must not be blank and at most " + ReplyCommand.MAX_TEXT_LENGTH + " characters",
                blank.getMessage(), "the API's words");
    }

    @Test
    void aReplyFitsInTheNoteTheHistoryKeepsItAs() {
        String longest = "字".repeat(ReplyCommand.MAX_TEXT_LENGTH);

        assertEquals(WorkFeedbackCommand.MAX_NOTE_LENGTH, new ReplyCommand("fb-1", longest, ALICE).note().length());
        assertThrows(IllegalArgumentException.class, () -> new ReplyCommand("fb-1", longest + "!", ALICE));
    }

    @Test
    void aReplyNamesItsFeedbackAndItsAuthor() {
        assertThrows(IllegalArgumentException.class, () -> new ReplyCommand(" ", "hello", ALICE));
        assertThrows(NullPointerException.class, () -> new ReplyCommand("fb-1", "hello", null));
    }

    @Test
    void theTextStaysOutOfLogs() {
        assertFalse(new ReplyCommand("fb-1", "my phone is 555", ALICE).toString().contains("555"));
    }
}
