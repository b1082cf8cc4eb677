package dev.larkinbox.domain.card;

import static dev.larkinbox.domain.testing.SampleEvents.T0;
import static dev.larkinbox.domain.testing.SampleEvents.feedback;
import static dev.larkinbox.domain.testing.SampleEvents.meta;
import static dev.larkinbox.domain.testing.SampleEvents.rawEvent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.larkinbox.domain.card.CardActionResult.Verdict;
import dev.larkinbox.domain.inbox.FeedbackStatus;
import dev.larkinbox.domain.inbox.InboxService;
import dev.larkinbox.domain.person.Person;
import dev.larkinbox.domain.person.Role;
import dev.larkinbox.domain.platform.LarkUnavailableException;
import dev.larkinbox.domain.reason.Reason;
import dev.larkinbox.domain.testing.InMemoryPeople;
import dev.larkinbox.domain.testing.InMemoryStore;
import dev.larkinbox.domain.testing.TestClock;
import dev.larkinbox.domain.triage.DefaultTriagePolicy;
import dev.larkinbox.domain.workflow.Actor;
import dev.larkinbox.domain.workflow.HistoryEntry;
import dev.larkinbox.domain.workflow.WorkFeedbackCommand;
import dev.larkinbox.domain.workflow.WorkflowService;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CardActionServiceTest {
    private static final String CLICKER = "ou_clicker";

    private final TestClock clock = new TestClock(T0);
    private final InMemoryStore store = new InMemoryStore();
    private final WorkflowService workflow = new WorkflowService(store, store, store, true, clock);
    private final InMemoryPeople people = new InMemoryPeople();
    private final Map<String, Role> roles = new HashMap<>(Map.of(CLICKER, Role.MEMBER));
    private final CardActionService cards = new CardActionService(workflow,
            new InboxService(store, new DefaultTriagePolicy()), store, null,
            openId -> Optional.ofNullable(roles.get(openId)), people);

    @BeforeEach
    void aNewCrash() {
        store.add(feedback("ev-fb", "fb-1", T0), rawEvent("ev-fb"), true);
    }

    @Test
    void acknowledgeWorksTheFeedbackAsTheLarkUserWhoClicked() {
        CardActionResult result = click("cb-1", CardAction.ACKNOWLEDGE);

        assertEquals(Verdict.DONE, result.verdict());
        assertEquals(Reason.of("card.done.acknowledge"), result.message());
        assertEquals(FeedbackStatus.ACKNOWLEDGED, result.card().status());
        HistoryEntry entry = workflow.history("fb-1").get(0);
        assertEquals(Actor.larkUser(CLICKER), entry.actor());
        assertEquals(FeedbackStatus.ACKNOWLEDGED, entry.to());
        assertEquals(1, store.entry("cb-1").stream().count(), "the callback is in the ledger");
        assertEquals(true, store.hasPending("fb-1"), "Lark's console hears of it like any change");
    }

    @Test
    void assignToMeAssignsTheClickerWithoutMovingTheStatus() {
        CardActionResult result = click("cb-1", CardAction.ASSIGN_TO_ME);

        assertEquals(Verdict.DONE, result.verdict());
        assertEquals(true, result.card().assigned());
        assertEquals(CLICKER, store.find("fb-1").orElseThrow().assignee());
        assertEquals(FeedbackStatus.NEW, store.find("fb-1").orElseThrow().status());
        assertNull(result.card().assignee(), "an open_id the inbox knows no name for is not shown");
        people.save(new Person(CLICKER, "王小明", null, Role.MEMBER));
        assertEquals("王小明", click("cb-2", CardAction.ACKNOWLEDGE).card().assignee(),
                "someone who signed in, by name");
    }

    @Test
    void aMoveTheWorkflowRefusesIsAnErrorAndChangesNothing() {
        workflow.work(new WorkFeedbackCommand("fb-1", FeedbackStatus.IN_PROGRESS, null, null, null, null,
                Actor.user("alice")));

        CardActionResult result = click("cb-1", CardAction.ACKNOWLEDGE);

        assertEquals(Verdict.REFUSED, result.verdict());
        assertEquals(Reason.of("workflow.only.2", "in_progress", "resolved", "closed"), result.message(),
                "the workflow's own reason");
        assertEquals(FeedbackStatus.IN_PROGRESS, result.card().status());
        assertEquals(1, workflow.history("fb-1").size());
        assertEquals(2L, store.find("fb-1").orElseThrow().version());
    }

    @Test
    void resolvingANewReportFromItsCardIsOneClick() {
        CardActionResult result = click("cb-1", CardAction.RESOLVE);

        assertEquals(Verdict.DONE, result.verdict());
        assertEquals(FeedbackStatus.RESOLVED, store.find("fb-1").orElseThrow().status());
        assertEquals(FeedbackStatus.NEW, workflow.history("fb-1").get(0).from());
    }

    @Test
    void theSameCallbackTwiceChangesNothingTheSecondTimeEvenAfterTheFeedbackMovedOn() {
        click("cb-1", CardAction.ACKNOWLEDGE);
        workflow.work(new WorkFeedbackCommand("fb-1", FeedbackStatus.IN_PROGRESS, null, null, null, null,
                Actor.user("alice")));

        CardActionResult again = click("cb-1", CardAction.ACKNOWLEDGE);

        assertEquals(Verdict.REPEATED, again.verdict());
        assertEquals(FeedbackStatus.IN_PROGRESS, again.card().status());
        assertEquals(2, workflow.history("fb-1").size());
    }

    @Test
    void aClickOnAFeedbackNotInTheInboxChangesNothing() {
        CardActionResult result = cards.apply(new ApplyCardActionCommand(meta("cb-9", "card.action.trigger", T0),
                "fb-gone", CardAction.ACKNOWLEDGE, CLICKER, "{}"));

        assertEquals(Verdict.UNKNOWN_FEEDBACK, result.verdict());
    }

    @Test
    void aViewerOrAStrangerIsRefusedInWordsAndNothingChanges() {
        roles.put(CLICKER, Role.VIEWER);
        CardActionResult viewer = click("cb-1", CardAction.ACKNOWLEDGE);
        roles.remove(CLICKER);
        CardActionResult stranger = click("cb-2", CardAction.ACKNOWLEDGE);

        assertEquals(Verdict.REFUSED, viewer.verdict());
        assertEquals("viewers may read, not work feedback: nothing changed", viewer.message().english());
        assertEquals(Verdict.REFUSED, stranger.verdict());
        assertEquals("you are not one of this inbox's people: nothing changed", stranger.message().english());
        assertEquals("你不是这个收件箱的成员：没有变化", stranger.message().text(Locale.SIMPLIFIED_CHINESE));
        assertEquals(FeedbackStatus.NEW, stranger.card().status());
        assertEquals(List.of(), workflow.history("fb-1"));
        assertEquals(0, store.entry("cb-2").stream().count(), "a refused click is no event the inbox handled");
    }

    @Test
    void whenLarkCannotSayWhoClickedNothingChangesAndThePersonIsToldToTryAgain() {
        CardActionService larkDown = new CardActionService(workflow,
                new InboxService(store, new DefaultTriagePolicy()), store, null, openId -> {
                    throw new LarkUnavailableException("down", null);
                }, people);

        CardActionResult result = larkDown.apply(new ApplyCardActionCommand(meta("cb-1", "card.action.trigger", T0),
                "fb-1", CardAction.ACKNOWLEDGE, CLICKER, "{}"));

        assertEquals(Verdict.REFUSED, result.verdict());
        assertEquals(List.of(), workflow.history("fb-1"));
    }

    private CardActionResult click(String eventId, CardAction action) {
        return cards.apply(new ApplyCardActionCommand(meta(eventId, "card.action.trigger", T0), "fb-1", action,
                CLICKER, "{}"));
    }
}
