package dev.larkinbox.outbound.lark;

import static dev.larkinbox.domain.testing.SampleEvents.FEEDBACK_CREATED;
import static dev.larkinbox.domain.testing.SampleEvents.T0;
import static dev.larkinbox.domain.testing.SampleEvents.fault;
import static dev.larkinbox.domain.testing.SampleEvents.meta;
import static dev.larkinbox.domain.testing.SampleEvents.suggestion;
import static dev.larkinbox.outbound.lark.LarkOpenApiTest.APP;
import static dev.larkinbox.outbound.lark.LarkOpenApiTest.SECRET;
import static dev.larkinbox.outbound.lark.LarkOpenApiTest.settings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import dev.larkinbox.domain.card.CardAction;
import dev.larkinbox.domain.card.CardDeliveryService;
import dev.larkinbox.domain.card.DailyDigest;
import dev.larkinbox.domain.card.FeedbackCard;
import dev.larkinbox.domain.card.LarkChat;
import dev.larkinbox.domain.card.NotificationPolicy;
import dev.larkinbox.domain.feedback.FaultKind;
import dev.larkinbox.domain.feedback.Feedback;
import dev.larkinbox.domain.inbox.FeedbackFilter;
import dev.larkinbox.domain.inbox.FeedbackOrder;
import dev.larkinbox.domain.inbox.FeedbackStatus;
import dev.larkinbox.domain.inbox.InboxService;
import dev.larkinbox.domain.inbox.TriageFeedbackCommand;
import dev.larkinbox.domain.paging.PageRequest;
import dev.larkinbox.domain.person.Person;
import dev.larkinbox.domain.person.Role;
import dev.larkinbox.domain.sync.Backoff;
import dev.larkinbox.domain.sync.SyncReport;
import dev.larkinbox.domain.testing.InMemoryPeople;
import dev.larkinbox.domain.testing.InMemoryStore;
import dev.larkinbox.domain.triage.DefaultTriagePolicy;
import dev.larkinbox.domain.triage.Priority;
import dev.larkinbox.domain.workflow.Actor;
import dev.larkinbox.domain.workflow.WorkFeedbackCommand;
import dev.larkinbox.domain.workflow.WorkflowService;
import dev.larkinbox.outbound.lark.standin.LarkStandIn;
import dev.larkinbox.outbound.lark.standin.LarkStandIn.PostedCard;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Cards reach the stand-in Lark's chat through the card outbox, the delivery service and the SDK's IM client. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ChatCardsIntegrationTest {
    private static final String CHAT = "oc_team_chat";
    private static final Duration WAIT = Duration.ofSeconds(20);

    private final LarkStandIn lark = LarkStandIn.start(APP, SECRET, 50);
    private final InMemoryStore store = new InMemoryStore();
    private final InboxService inbox = new InboxService(store, new DefaultTriagePolicy(),
            new NotificationPolicy(Priority.P2));
    private final WorkflowService workflow = new WorkflowService(store, store, store, false, Clock.systemUTC());
    private final LarkChat chat = new LarkOpenApi(settings(lark, null)).chat(CHAT);
    private final InMemoryPeople people = new InMemoryPeople();
    private final CardDeliveryService cards = new CardDeliveryService(store.cards(), store, store.problems(), chat,
            URI.create("https://inbox.example.com"), people, new Backoff(Duration.ofMillis(20), Duration.ofMillis(100)),
            Duration.ofSeconds(30), 20, 3, Clock.systemUTC());

    @AfterEach
    void stop() {
        lark.close();
    }

    @Test
    void anUrgentFeedbackIsPostedAsAnInteractiveCardWithItsThreeButtonsAndNoPersonalData() {
        arrive(fault("fb-1", APP, FaultKind.CRASH));
        arrive(suggestion("fb-idea", APP));

        assertEquals(new SyncReport(1, 0, 0), cards.sendDue());

        PostedCard posted = lark.postedCards().get(0);
        assertEquals(CHAT, posted.chatId());
        String json = posted.card().toString();
        assertTrue(json.contains("P1 stability: crash"), json);
        assertTrue(json.contains("反馈的详细信息"), "the description's first lines");
        assertTrue(json.contains("https://inbox.example.com/feedback/fb-1"), "the link to the web inbox");
        for (String personal : List.of("wang@example.com", "ou_84aad35d084aa403a838cf73ee18467",
                "on_8ed6aa67826108097d9ee143816345", "e33ggbyz")) {
            assertFalse(json.contains(personal), personal);
        }
        assertEquals(List.of("acknowledge", "assign_to_me", "resolve"), buttonValues(posted.card(), "fb-1"));
        assertEquals(1, lark.postedCards().size(), "the suggestion is not posted");
    }

    @Test
    void aChangeUpdatesTheCardInPlace() {
        arrive(fault("fb-1", APP, FaultKind.CRASH));
        cards.sendDue();
        String messageId = lark.postedCards().get(0).messageId();

        workflow.work(new WorkFeedbackCommand("fb-1", FeedbackStatus.ACKNOWLEDGED, null, null, null, null,
                Actor.user("alice")));
        assertEquals(new SyncReport(1, 0, 0), cards.sendDue());

        assertEquals(messageId, lark.cardUpdates().get(0).messageId());
        assertTrue(lark.cardOf(messageId).toString().contains("Status\\nacknowledged"), lark.cardOf(messageId).toString());
        assertEquals(1, lark.postedCards().size());
    }

    @Test
    void anAssigneeWhoSignedInIsShownByNameAndAnOpenIdNever() {
        arrive(fault("fb-1", APP, FaultKind.CRASH));
        arrive(fault("fb-2", APP, FaultKind.FREEZE));
        people.save(new Person("ou_wang", "王小明", null, Role.MEMBER));
        cards.sendDue();

        workflow.work(new WorkFeedbackCommand("fb-1", FeedbackStatus.ACKNOWLEDGED, "ou_wang", null, null, null,
                Actor.larkUser("ou_wang")));
        workflow.work(new WorkFeedbackCommand("fb-2", FeedbackStatus.ACKNOWLEDGED, "ou_stranger", null, null, null,
                Actor.larkUser("ou_stranger")));
        cards.sendDue();

        String named = lark.cardOf(lark.postedCards().get(0).messageId()).toString();
        String unnamed = lark.cardOf(lark.postedCards().get(1).messageId()).toString();
        assertTrue(named.contains("Status\\nacknowledged, assigned to 王小明"), named);
        assertTrue(unnamed.contains("Status\\nacknowledged, assigned"), unnamed);
        assertFalse(unnamed.contains("ou_stranger"), unnamed);
    }

    @Test
    void whileLarkIsDownNothingIsLostAndOnceBackEachCardIsPostedOnce() {
        arrive(fault("fb-1", APP, FaultKind.CRASH));
        arrive(fault("fb-2", APP, FaultKind.FREEZE));
        lark.down();

        assertEquals(new SyncReport(0, 1, 0), cards.sendDue());
        assertEquals(List.of(), lark.postedCards());
        lark.up();

        LarkStandIn.await("both cards posted", WAIT, () -> {
            cards.sendDue();
            return lark.postedCards().size() == 2;
        });
        assertEquals(List.of(), store.pendingCards());
    }

    @Test
    void theDaysDigestIsPostedOnceEvenWhenPostedTwiceWithCountsAgesAndLinksButNoPersonalData() {
        arrive(fault("fb-1", APP, FaultKind.CRASH));
        var open = store.list(FeedbackFilter.ALL, FeedbackOrder.NEWEST, new PageRequest(10, null)).items();
        DailyDigest digest = DailyDigest.of(LocalDate.of(2024, 5, 2), T0.plus(Duration.ofDays(3)),
                Map.of(Priority.P1, 1L), open, 4, 2, URI.create("https://inbox.example.com"));

        String first = chat.postDigest(digest);
        String again = chat.postDigest(digest);

        assertEquals(first, again, "the same day's digest is the same message");
        assertEquals(1, lark.postedCards().size());
        String json = lark.postedCards().get(0).card().toString();
        assertTrue(json.contains("Feedback digest 2024-05-02"), json);
        assertTrue(json.contains("P1 open\\n1"), json);
        assertTrue(json.contains("Since yesterday: 4 new, 2 resolved or closed; 1 open"), json);
        assertTrue(json.contains("P1 stability, waiting 3 days"), json);
        assertTrue(json.contains("https://inbox.example.com/feedback/fb-1"), json);
        for (String personal : List.of("wang@example.com", "ou_84aad35d084aa403a838cf73ee18467",
                "on_8ed6aa67826108097d9ee143816345", "e33ggbyz", "反馈的详细信息")) {
            assertFalse(json.contains(personal), personal);
        }

        chat.postDigest(DailyDigest.of(LocalDate.of(2024, 5, 3), T0.plus(Duration.ofDays(4)), Map.of(), List.of(),
                0, 0, null));
        assertEquals(2, lark.postedCards().size(), "the next day has its own digest");
    }

    @Test
    void postingTheSameFeedbackAgainAfterALostAnswerDoesNotPostItTwice() {
        arrive(fault("fb-1", APP, FaultKind.CRASH));
        FeedbackCard card = FeedbackCard.of(store.find("fb-1").orElseThrow(), null, people);

        String first = chat.post(card);
        String again = chat.post(card);

        assertEquals(first, again);
        assertEquals(1, lark.postedCards().size());
        assertEquals(2, lark.calls("message"));
    }

    private static List<String> buttonValues(JsonObject card, String feedbackId) {
        var actions = StreamSupport.stream(card.getAsJsonObject("i18n_elements").getAsJsonArray("en_us").spliterator(),
                        false).map(e -> e.getAsJsonObject())
                .filter(e -> "action".equals(e.get("tag").getAsString())).findFirst().orElseThrow()
                .getAsJsonArray("actions");
        return StreamSupport.stream(actions.spliterator(), false).map(a -> a.getAsJsonObject()).filter(a -> a.has("value"))
                .map(a -> a.getAsJsonObject("value"))
                .peek(v -> assertEquals(feedbackId, v.get(CardAction.VALUE_FEEDBACK_ID).getAsString()))
                .map(v -> v.get(CardAction.VALUE_ACTION).getAsString()).toList();
    }

    private void arrive(Feedback feedback) {
        inbox.triage(new TriageFeedbackCommand(meta("ev-" + feedback.feedbackId(), FEEDBACK_CREATED, T0), feedback,
                "{}"));
    }
}
