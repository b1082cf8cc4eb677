package dev.larkinbox.domain.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.larkinbox.domain.view.SaveViewCommand;
import dev.larkinbox.domain.view.SavedView;
import dev.larkinbox.domain.view.SavedViews;
import dev.larkinbox.domain.view.TooManyViewsException;
import dev.larkinbox.domain.view.ViewService;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every store of saved views does, run against each implementation of {@link SavedViews}. */
public abstract class SavedViewsContract {
    protected SavedViews store;
    private ViewService views;

    /** A store that holds no view. */
    protected abstract SavedViews emptyStore();

    @BeforeEach
    void setUp() {
        store = emptyStore();
        views = new ViewService(store);
    }

    @Test
    void aPersonsViewsComeBackByNameAndAreTheirsAlone() {
        views.save(SaveViewCommand.of("alice", "P1 crashes", "priority=P1&q=crash"));
        views.save(SaveViewCommand.of("alice", "Android 白屏", "q=%E7%99%BD%E5%B1%8F"));
        views.save(SaveViewCommand.of("bob", "P1 crashes", "priority=P1"));

        assertEquals(List.of(new SavedView("alice", "Android 白屏", "q=%E7%99%BD%E5%B1%8F"),
                new SavedView("alice", "P1 crashes", "priority=P1&q=crash")), views.views("alice"));
        assertEquals(List.of(new SavedView("bob", "P1 crashes", "priority=P1")), views.views("bob"));
        assertEquals(List.of(), views.views("carol"));
    }

    @Test
    void savingUnderANameAlreadyUsedReplacesThatView() {
        views.save(SaveViewCommand.of("alice", "mine", "assignee=alice"));
        views.save(SaveViewCommand.of("alice", "mine", "assignee=alice&status=open"));

        assertEquals(List.of(new SavedView("alice", "mine", "assignee=alice&status=open")), views.views("alice"));
    }

    @Test
    void aDeletedViewIsGoneAndDeletingItAgainSaysThereWasNone() {
        views.save(SaveViewCommand.of("alice", "mine", "assignee=alice"));
        views.save(SaveViewCommand.of("bob", "mine", "assignee=bob"));

        assertTrue(views.delete("alice", "mine"));
        assertFalse(views.delete("alice", "mine"));
        assertEquals(List.of(), views.views("alice"));
        assertEquals(1, views.views("bob").size(), "another person's view of the same name stays");
    }

    @Test
    void aPersonKeepsAtMostTwentyViewsButMayStillReplaceOne() {
        IntStream.range(0, SaveViewCommand.MAX_VIEWS)
                .forEach(n -> views.save(SaveViewCommand.of("alice", "view " + n, "priority=P" + (n % 4 + 1))));

        assertThrows(TooManyViewsException.class, () -> views.save(SaveViewCommand.of("alice", "one more", "")));
        views.save(SaveViewCommand.of("alice", "view 0", "status=open"));
        assertEquals(SaveViewCommand.MAX_VIEWS, views.views("alice").size());
        assertEquals("status=open", views.views("alice").get(0).filter());
    }

    @Test
    void aNameThatIsBlankTooLongOrOnTwoLinesIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> SaveViewCommand.of("alice", " ", ""));
        assertThrows(IllegalArgumentException.class, () -> SaveViewCommand.of("alice", "a\nb", ""));
        assertThrows(IllegalArgumentException.class,
                () -> SaveViewCommand.of("alice", "x".repeat(SavedView.MAX_NAME_LENGTH + 1), ""));
        assertEquals("  padded ".strip(), SaveViewCommand.of("alice", "  padded ", "").view().name());
    }
}
