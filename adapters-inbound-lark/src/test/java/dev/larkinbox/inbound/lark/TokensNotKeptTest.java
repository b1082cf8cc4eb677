package dev.larkinbox.inbound.lark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.larkinbox.domain.event.Delivery;
import dev.larkinbox.domain.event.Transport;
import dev.larkinbox.domain.inbox.InboxService;
import dev.larkinbox.domain.ledger.LedgerOutcome;
import dev.larkinbox.domain.testing.InMemoryStore;
import dev.larkinbox.domain.triage.DefaultTriagePolicy;
import dev.larkinbox.domain.workflow.WorkflowService;
import dev.larkinbox.inbound.lark.fixtures.Intakes;
import dev.larkinbox.inbound.lark.fixtures.LarkFixtures;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The raw event kept with every stored event holds no credential: not the verification token, which lets anyone
 * post events in token-only mode, nor a card callback's token, which updates the card for 30 minutes.
 */
class TokensNotKeptTest {
    private static final String VERIFICATION_TOKEN = "rvaYgkND1GOiu5MM0E1rncYC6PLtF7JV";
    private static final String CARD_TOKEN = "c-295ee57216a5dc9de90fefd0aadb4b1d7d5c4b9e";

    private final InMemoryStore store = new InMemoryStore();
    private final InboxService inbox = new InboxService(store, new DefaultTriagePolicy());
    private final WorkflowService workflow = new WorkflowService(store, store, store, true, Clock.systemUTC());
    private final LarkEventIntake intake = Intakes.over(store, inbox, workflow, Clock.systemUTC());

    @Test
    void noKeptEventOfAnyKindHoldsATokenWhicheverTransportBroughtIt() {
        JsonObject ignored = LarkFixtures.json(LarkFixtures.PUBLISH_REVOKE);
        ignored.getAsJsonObject("header").addProperty("event_id", "ev-ignored");
        ignored.getAsJsonObject("header").addProperty("event_type", "im.message.receive_v1");
        JsonObject malformed = LarkFixtures.json(LarkFixtures.FEEDBACK_UPDATED);
        malformed.getAsJsonObject("header").addProperty("event_id", "ev-malformed");
        malformed.getAsJsonObject("event").remove("feedback_ids");
        // the click before the status set in Lark, which would make it a refused click, kept nowhere
        List<String> events = List.of(LarkFixtures.text(LarkFixtures.FEEDBACK_CREATED),
                LarkFixtures.text(LarkFixtures.CARD_ACTION), LarkFixtures.text(LarkFixtures.FEEDBACK_UPDATED),
                LarkFixtures.text(LarkFixtures.PUBLISH_REVOKE), LarkFixtures.text(LarkFixtures.PUBLISH_APPLY),
                LarkFixtures.text(LarkFixtures.VERSION_AUDIT), ignored.toString(), malformed.toString(),
                // another event under the feedback's event id: kept aside as a conflict
                LarkFixtures.feedback("5e3702a84e847582be8db7fb73283c02", "fb-reusing-the-id"));

        List<String> kept = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            Transport transport = i % 2 == 0 ? Transport.WEBHOOK : Transport.LONG_CONNECTION;
            Intake taken = intake.accept(events.get(i), transport);
            kept.add(store.rawEvent(taken.eventId()).orElseThrow(() -> new AssertionError(taken.toString())));
            kept.addAll(store.conflicts(taken.eventId()));
        }

        assertEquals(events.size() + 1, kept.size(), "every event kept, and the conflict");
        for (String raw : kept) {
            assertFalse(raw.contains(VERIFICATION_TOKEN) || raw.contains(CARD_TOKEN), raw);
            JsonObject json = JsonParser.parseString(raw).getAsJsonObject();
            assertNull(json.getAsJsonObject("header").get("token"), raw);
            assertNull(json.getAsJsonObject("event").get("token"), raw);
        }
    }

    @Test
    void aTopLevelTokenAsInAVersionOneBodyIsNotKept() {
        JsonObject event = LarkFixtures.json(LarkFixtures.PUBLISH_REVOKE);
        event.addProperty("token", VERIFICATION_TOKEN);

        Intake taken = intake.accept(event.toString(), Transport.WEBHOOK);

        assertEquals(LedgerOutcome.STORED, taken.outcome());
        assertFalse(store.rawEvent(taken.eventId()).orElseThrow().contains(VERIFICATION_TOKEN));
    }

    @Test
    void aCardCallbackDeliveredAgainWithItsTokenIsADuplicateNotAConflict() {
        intake.accept(LarkFixtures.text(LarkFixtures.FEEDBACK_CREATED), Transport.WEBHOOK);
        intake.accept(LarkFixtures.text(LarkFixtures.CARD_ACTION), Transport.WEBHOOK);

        Intake again = intake.accept(LarkFixtures.text(LarkFixtures.CARD_ACTION), Transport.LONG_CONNECTION);

        assertEquals(Delivery.DUPLICATE, again.delivery());
        assertTrue(store.conflicts(again.eventId()).isEmpty());
    }

    @Test
    void anEventWithoutTokensIsKeptExactlyAsItCame() {
        String json = LarkFixtures.withoutToken(LarkFixtures.text(LarkFixtures.PUBLISH_REVOKE))
                .replace(",", ",\n  ");

        Intake taken = intake.accept(json, Transport.WEBHOOK);

        assertEquals(json, store.rawEvent(taken.eventId()).orElseThrow());
    }
}
