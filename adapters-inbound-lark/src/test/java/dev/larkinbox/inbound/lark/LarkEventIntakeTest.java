package dev.larkinbox.inbound.lark;

import static dev.larkinbox.inbound.lark.fixtures.LarkFixtures.FEEDBACK_CREATED;
import static dev.larkinbox.inbound.lark.fixtures.LarkFixtures.FEEDBACK_UPDATED;
import static dev.larkinbox.inbound.lark.fixtures.LarkFixtures.PUBLISH_REVOKE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.larkinbox.domain.event.Bounds;
import dev.larkinbox.domain.event.Delivery;
import dev.larkinbox.domain.event.StorageUnavailableException;
import dev.larkinbox.domain.event.Transport;
import dev.larkinbox.domain.event.UserRef;
import dev.larkinbox.domain.feedback.FaultKind;
import dev.larkinbox.domain.feedback.Feedback;
import dev.larkinbox.domain.feedback.FeedbackSource;
import dev.larkinbox.domain.feedback.FeedbackType;
import dev.larkinbox.domain.feedback.UnknownCode;
import dev.larkinbox.domain.inbox.FeedbackFilter;
import dev.larkinbox.domain.inbox.FeedbackOrder;
import dev.larkinbox.domain.inbox.FeedbackStatus;
import dev.larkinbox.domain.inbox.InboxService;
import dev.larkinbox.domain.inbox.TriagedFeedback;
import dev.larkinbox.domain.ledger.LedgerEntry;
import dev.larkinbox.domain.ledger.LedgerOutcome;
import dev.larkinbox.domain.paging.PageRequest;
import dev.larkinbox.domain.reason.Reason;
import dev.larkinbox.domain.revocation.RecordedRevocation;
import dev.larkinbox.domain.revocation.RevocationFilter;
import dev.larkinbox.domain.testing.InMemoryStore;
import dev.larkinbox.domain.triage.DefaultTriagePolicy;
import dev.larkinbox.domain.triage.Priority;
import dev.larkinbox.domain.workflow.Actor;
import dev.larkinbox.domain.workflow.ApplyLarkStatusCommand;
import dev.larkinbox.domain.workflow.HistoryEntry;
import dev.larkinbox.domain.workflow.WorkflowService;
import dev.larkinbox.inbound.lark.fixtures.HostileEvents.Hostile;
import dev.larkinbox.inbound.lark.fixtures.HostileEvents;
import dev.larkinbox.inbound.lark.fixtures.Intakes;
import dev.larkinbox.inbound.lark.fixtures.LarkFixtures;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class LarkEventIntakeTest {
    private static final Instant NOW = Instant.parse("2024-06-01T10:00:00Z");

    private final InMemoryStore store = new InMemoryStore();
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final LarkEventIntake intake = Intakes.over(store, new InboxService(store, new DefaultTriagePolicy()),
            new WorkflowService(store, store, store, true, clock), clock);

    private TriagedFeedback stored(String feedbackId) {
        return store.find(feedbackId).orElseThrow();
    }

    @Test
    void theSeedFeedbackIsStoredWithEveryFieldAndTriagedP1() {
        Intake result = intake.accept(LarkFixtures.text(FEEDBACK_CREATED), Transport.WEBHOOK);

        assertEquals(new Intake("5e3702a84e847582be8db7fb73283c02", LarkEventIntake.FEEDBACK_CREATED,
                LedgerOutcome.STORED, Delivery.NEW), result);
        TriagedFeedback item = stored("7057888018203574291");
        Feedback f = item.feedback();
        assertEquals("cli_9b445f5258795107", f.appId());
        assertEquals("字节跳动", f.tenantName());
        assertEquals(new UserRef("ou_84aad35d084aa403a838cf73ee18467", "on_8ed6aa67826108097d9ee143816345", "e33ggbyz"),
                f.user());
        assertEquals(FeedbackType.FAULT, f.type());
        assertEquals(List.of(FaultKind.BLACK_SCREEN, FaultKind.WHITE_SCREEN, FaultKind.CANNOT_OPEN), f.faultKinds());
        assertEquals(FeedbackSource.MINI_PROGRAM, f.source());
        assertEquals(LocalDateTime.of(2022, 1, 30, 11, 30, 12), f.feedbackTime());
        assertEquals(LocalDateTime.of(2022, 1, 30, 11, 30, 12), f.faultTime());
        assertEquals("反馈的详细信息", f.description());
        assertEquals("wang@bytedance.com", f.contact());
        assertEquals(List.of("https://p6-lark-openplatform-image-sign.byteimg.com/*"), f.images());
        assertEquals("page/index", f.path());
        assertEquals("cli_9f5343c580712544", item.meta().appId());
        assertEquals("2ca1d211f64f6438", item.meta().tenantKey());
        assertEquals(Instant.ofEpochMilli(1608725989000L), item.meta().createdAt());
        assertEquals(NOW, item.meta().receivedAt());
        assertEquals(Transport.WEBHOOK, item.meta().transport());
        assertEquals(Priority.P1, item.triage().priority());
        assertEquals("stability", item.triage().category());
        assertEquals(FeedbackStatus.NEW, item.status());
    }

    @Test
    void theSeedRevocationIsRecordedAtTheTimeLarkStampedIt() {
        Intake result = intake.accept(LarkFixtures.text(PUBLISH_REVOKE), Transport.LONG_CONNECTION);

        assertEquals(LedgerOutcome.STORED, result.outcome());
        RecordedRevocation r = store.list(RevocationFilter.ALL, PageRequest.first(10)).items().get(0);
        assertEquals("cli_9b445f5258795107", r.revocation().appId());
        assertEquals("oav_d317f090b7258ad0372aa53963cda70d", r.revocation().versionId());
        assertEquals("e33ggbyz", r.revocation().operator().userId());
        assertEquals("ou_84aad35d084aa403a838cf73ee18467", r.revocation().creator().openId());
        assertEquals(Instant.ofEpochMilli(1608725989000L), r.revocation().revokedAt());
        assertEquals(Transport.LONG_CONNECTION, r.meta().transport());
    }

    @Test
    void aRedeliveryStoresNothingNew() {
        intake.accept(LarkFixtures.text(FEEDBACK_CREATED), Transport.WEBHOOK);

        Intake again = intake.accept(LarkFixtures.text(FEEDBACK_CREATED), Transport.LONG_CONNECTION);

        assertEquals(Delivery.DUPLICATE, again.delivery());
        assertEquals(1, store.list(FeedbackFilter.ALL, FeedbackOrder.NEWEST, PageRequest.first(10)).items().size());
    }

    /** The README posts them one after the other: a shared event id would make the second a duplicate. */
    @Test
    void eachFixtureIsAnEventOfItsOwn() {
        for (String fixture : List.of(FEEDBACK_CREATED, FEEDBACK_UPDATED, PUBLISH_REVOKE, LarkFixtures.PUBLISH_APPLY,
                LarkFixtures.VERSION_AUDIT)) {
            assertEquals(Delivery.NEW, intake.accept(LarkFixtures.text(fixture), Transport.WEBHOOK).delivery(),
                    fixture);
        }
    }

    @Test
    void aStatusUpdateThatNamesNoOperatorIsByLark() {
        intake.accept(LarkFixtures.text(FEEDBACK_CREATED), Transport.WEBHOOK);
        JsonObject update = LarkFixtures.json(FEEDBACK_UPDATED);
        update.getAsJsonObject("event").remove("operator_id");

        intake.accept(update.toString(), Transport.WEBHOOK);

        assertEquals(Actor.LARK, store.history("7057888018203574291").get(0).actor());
    }

    @Test
    void anEventIdReusedWithAnotherBodyIsKeptAsAConflictAndTheFirstEventStays() {
        intake.accept(LarkFixtures.feedback("ev-reused", "fb-first"), Transport.WEBHOOK);
        String other = LarkFixtures.feedback("ev-reused", "fb-other");
        JsonObject sameEventOtherHeader = LarkFixtures.json(FEEDBACK_CREATED);
        sameEventOtherHeader.getAsJsonObject("header").addProperty("event_id", "ev-reused");
        sameEventOtherHeader.getAsJsonObject("header").addProperty("token", "another");
        sameEventOtherHeader.getAsJsonObject("event").addProperty("feedback_id", "fb-first");

        Intake reused = intake.accept(other, Transport.LONG_CONNECTION);
        Intake redelivered = intake.accept(sameEventOtherHeader.toString(), Transport.LONG_CONNECTION);

        assertEquals(Delivery.CONFLICT, reused.delivery());
        assertEquals(Set.of(LarkFixtures.withoutToken(other)), store.conflicts("ev-reused"));
        assertEquals(Delivery.DUPLICATE, redelivered.delivery(), "a header of another delivery is no conflict");
        assertTrue(store.find("fb-other").isEmpty());
        assertEquals(LedgerOutcome.STORED, store.entry("ev-reused").orElseThrow().outcome());
    }

    @Test
    void theSameFeedbackIdForAnotherAppIsKeptAsAConflictNotSilentlyDropped() {
        intake.accept(LarkFixtures.feedback("ev-app-a", "fb-shared"), Transport.WEBHOOK);
        JsonObject otherApp = LarkFixtures.json(FEEDBACK_CREATED);
        otherApp.getAsJsonObject("header").addProperty("event_id", "ev-app-b");
        otherApp.getAsJsonObject("event").addProperty("feedback_id", "fb-shared");
        otherApp.getAsJsonObject("event").addProperty("app_id", "cli_another_app");

        Intake result = intake.accept(otherApp.toString(), Transport.WEBHOOK);

        assertEquals(Delivery.CONFLICT, result.delivery());
        assertEquals(Set.of(LarkFixtures.withoutToken(otherApp.toString())), store.conflicts("ev-app-b"));
        assertEquals("cli_9b445f5258795107", stored("fb-shared").feedback().appId());
    }

    @Test
    void anEventOfAnotherTypeIsRecordedAsIgnored() {
        JsonObject other = LarkFixtures.json(PUBLISH_REVOKE);
        other.getAsJsonObject("header").addProperty("event_type", "im.message.receive_v1");

        Intake result = intake.accept(other.toString(), Transport.WEBHOOK);

        assertEquals(LedgerOutcome.IGNORED, result.outcome());
        assertEquals(Delivery.NEW, result.delivery());
        LedgerEntry entry = store.entry("9c4d1a7e2b5f4e3a8d6c0b1f2e3a4d5c").orElseThrow();
        assertEquals(LedgerOutcome.IGNORED, entry.outcome());
        assertEquals("im.message.receive_v1", entry.meta().eventType());
        assertTrue(store.list(RevocationFilter.ALL, PageRequest.first(10)).items().isEmpty());
    }

    @Test
    void somethingThatIsNotAnEventIsRefusedAndNothingIsStored() {
        JsonObject noId = LarkFixtures.json(FEEDBACK_CREATED);
        noId.getAsJsonObject("header").remove("event_id");
        JsonObject noType = LarkFixtures.json(FEEDBACK_CREATED);
        noType.getAsJsonObject("header").addProperty("event_type", " ");

        for (String body : List.of("not json", "[1,2]", "{\"header\":", "{}", noId.toString(), noType.toString(),
                "[".repeat(100_000))) {
            assertThrows(MalformedEventException.class, () -> intake.accept(body, Transport.WEBHOOK));
        }
        assertTrue(store.list(FeedbackFilter.ALL, FeedbackOrder.NEWEST, PageRequest.first(10)).items().isEmpty());
        assertTrue(store.entry("5e3702a84e847582be8db7fb73283c02").isEmpty());
    }

    @Test
    void aFeedbackWithoutItsIdIsKeptRawInTheLedgerAsMalformed() {
        JsonObject event = LarkFixtures.json(FEEDBACK_CREATED);
        event.getAsJsonObject("event").remove("feedback_id");

        Intake result = intake.accept(event.toString(), Transport.WEBHOOK);

        assertEquals(LedgerOutcome.MALFORMED, result.outcome());
        assertEquals(LedgerOutcome.MALFORMED, store.entry(result.eventId()).orElseThrow().outcome());
    }

    @Test
    void fieldsOfTheWrongShapeMakeTheEventMalformedNotACrash() {
        JsonObject wrongType = LarkFixtures.json(FEEDBACK_CREATED);
        wrongType.getAsJsonObject("event").addProperty("fault_type", "crash");
        JsonObject bodyNotAnObject = LarkFixtures.json(PUBLISH_REVOKE);
        bodyNotAnObject.getAsJsonObject("header").addProperty("event_id", "ev-2");
        bodyNotAnObject.addProperty("event", "nothing");
        JsonObject hugeNumber = LarkFixtures.json(FEEDBACK_CREATED);
        hugeNumber.getAsJsonObject("header").addProperty("event_id", "ev-3");
        hugeNumber.getAsJsonObject("event").addProperty("feedback_type", 1e30);

        assertEquals(LedgerOutcome.MALFORMED, intake.accept(wrongType.toString(), Transport.WEBHOOK).outcome());
        assertEquals(LedgerOutcome.MALFORMED, intake.accept(bodyNotAnObject.toString(), Transport.WEBHOOK).outcome());
        assertEquals(LedgerOutcome.MALFORMED, intake.accept(hugeNumber.toString(), Transport.WEBHOOK).outcome());
    }

    @Test
    void everyOddEventIsAnsweredOnceAndForAllAndWhatCannotBeAColumnIsKeptRawAsMalformed() {
        for (Hostile hostile : HostileEvents.all("odd-")) {
            Intake first = intake.accept(hostile.json(), Transport.WEBHOOK);
            Intake again = intake.accept(hostile.json(), Transport.LONG_CONNECTION);

            assertEquals(hostile.expected(), first.outcome(), hostile.kind());
            assertEquals(Delivery.NEW, first.delivery(), hostile.kind());
            assertEquals(Delivery.DUPLICATE, again.delivery(), hostile.kind());
            assertEquals(first.eventId(), again.eventId(), hostile.kind());
            assertTrue(first.eventId().length() <= Bounds.MAX_ID_LENGTH, hostile.kind());
            assertEquals(hostile.expected(), store.entry(first.eventId()).orElseThrow().outcome(), hostile.kind());
        }
        assertTrue(store.list(RevocationFilter.ALL, PageRequest.first(10)).items().isEmpty());
        assertEquals(Set.of("odd-fb-60-000-fault-kinds", "odd-fb-20-000-images", "odd-fb-NUL-and-lone-surrogates"),
                store.list(FeedbackFilter.ALL, FeedbackOrder.NEWEST, PageRequest.first(10)).items().stream()
                        .map(item -> item.feedback().feedbackId()).collect(Collectors.toSet()));
    }

    @Test
    void anEventIdTooLongForAnyIndexIsKeptUnderADigestThatCannotPassForALarkId() {
        String id = "e".repeat(Bounds.MAX_ID_LENGTH + 1);

        Intake result = intake.accept(LarkFixtures.feedback(id, "fb-long-event"), Transport.WEBHOOK);

        assertEquals(LedgerOutcome.MALFORMED, result.outcome());
        assertTrue(result.eventId().matches("sha256:[0-9a-f]{64}"), result.eventId());
        assertEquals("eventId is longer than 256 characters", store.problem(result.eventId()));
        assertTrue(store.find("fb-long-event").isEmpty());
        assertEquals(LedgerOutcome.STORED, intake.accept(LarkFixtures.feedback(id.substring(1), "fb-long-event"),
                Transport.WEBHOOK).outcome(), "256 characters are still an id");
    }

    @Test
    void timesNoCalendarHoldsAreNeverClampedButKeptRawAsMalformed() {
        JsonObject farFuture = LarkFixtures.json(FEEDBACK_CREATED);
        farFuture.getAsJsonObject("header").addProperty("create_time", Long.toString(Long.MAX_VALUE));
        JsonObject yearZero = LarkFixtures.json(FEEDBACK_CREATED);
        yearZero.getAsJsonObject("header").addProperty("event_id", "ev-year-0");
        yearZero.getAsJsonObject("event").addProperty("fault_time", "0000-12-31 23:59:59");

        Intake future = intake.accept(farFuture.toString(), Transport.WEBHOOK);
        Intake zero = intake.accept(yearZero.toString(), Transport.WEBHOOK);

        assertEquals(LedgerOutcome.MALFORMED, future.outcome());
        assertNull(store.entry(future.eventId()).orElseThrow().meta().createdAt(), "left out, not clamped");
        assertEquals("createdAt is outside the years 1 to 9999", store.problem(future.eventId()));
        assertEquals(LedgerOutcome.MALFORMED, zero.outcome());
        assertEquals("faultTime is outside the years 1 to 9999", store.problem("ev-year-0"));
        assertTrue(store.list(FeedbackFilter.ALL, FeedbackOrder.NEWEST, PageRequest.first(10)).items().isEmpty());
    }

    @Test
    void listsBeyondTheirCapsKeepTheFirstEntriesAndSaySoInTheTriage() {
        Hostile kinds = HostileEvents.all("cap-").stream().filter(h -> h.kind().equals("60,000 fault kinds"))
                .findFirst().orElseThrow();
        Hostile images = HostileEvents.all("cap-").stream().filter(h -> h.kind().equals("20,000 images"))
                .findFirst().orElseThrow();

        intake.accept(kinds.json(), Transport.WEBHOOK);
        intake.accept(images.json(), Transport.WEBHOOK);

        TriagedFeedback manyKinds = stored("cap-fb-60-000-fault-kinds");
        assertEquals(Feedback.MAX_FAULT_KINDS, manyKinds.feedback().faultKinds().size());
        assertEquals(60_000 - Feedback.MAX_FAULT_KINDS, manyKinds.feedback().omittedFaultKinds());
        assertTrue(manyKinds.triage().reasons().contains(Reason.of("triage.omitted-kinds", 59968, 32)),
                manyKinds.triage().reasons().toString());
        assertEquals("59968 fault kinds beyond the first 32 were left out (the raw event has them)",
                manyKinds.triage().reasons().get(manyKinds.triage().reasons().size() - 1).english());
        TriagedFeedback manyImages = stored("cap-fb-20-000-images");
        assertEquals(List.of("https://img/0", "https://img/1"), manyImages.feedback().images().subList(0, 2));
        assertEquals(20_000 - Feedback.MAX_IMAGES, manyImages.feedback().omittedImages());
        assertTrue(manyImages.triage().reasons().contains(Reason.of("triage.omitted-images", 19968, 32)));
    }

    @Test
    void aStatusUpdateNamingTooManyFeedbackAppliesTheFirstAndRecordsTheRestWasLeftOut() {
        intake.accept(LarkFixtures.feedback("ev-first", "fb-first"), Transport.WEBHOOK);
        String[] ids = new String[ApplyLarkStatusCommand.MAX_FEEDBACK_IDS + 5];
        ids[0] = "fb-first";
        for (int i = 1; i < ids.length; i++) {
            ids[i] = "fb-" + i;
        }

        assertEquals(LedgerOutcome.STORED, intake.accept(LarkFixtures.statusUpdate("ev-many", 3, ids),
                Transport.WEBHOOK).outcome());

        assertEquals(FeedbackStatus.CLOSED, stored("fb-first").status());
        assertTrue(store.problem("ev-many").contains("5 beyond the first 200 named"), store.problem("ev-many"));
    }

    @Test
    void anEventTheStoreRefusesIsKeptRawAsMalformedAndAnsweredOnceAndForAll() {
        store.refuseValues(true);
        Intake refused = intake.accept(LarkFixtures.feedback("ev-refused", "fb-refused"), Transport.WEBHOOK);
        store.refuseValues(false);

        assertEquals(LedgerOutcome.MALFORMED, refused.outcome());
        assertEquals(Delivery.NEW, refused.delivery());
        assertTrue(store.find("fb-refused").isEmpty());
        assertEquals(Delivery.DUPLICATE,
                intake.accept(LarkFixtures.feedback("ev-refused", "fb-refused"), Transport.WEBHOOK).delivery());
    }

    @Test
    void valuesLarkAddsLaterAreKeptAsUnknownWithTheirNumbers() {
        JsonObject event = LarkFixtures.json(FEEDBACK_CREATED);
        JsonObject body = event.getAsJsonObject("event");
        body.addProperty("feedback_type", 9);
        body.addProperty("source", 7);
        JsonArray kinds = new JsonArray();
        kinds.add(5);
        kinds.add(99);
        body.add("fault_type", kinds);

        intake.accept(event.toString(), Transport.WEBHOOK);

        Feedback f = stored("7057888018203574291").feedback();
        assertEquals(new UnknownCode(9), f.type());
        assertEquals(new UnknownCode(7), f.source());
        assertEquals(List.of(FaultKind.CRASH, new UnknownCode(99)), f.faultKinds());
    }

    @Test
    void missingAndUnreadableOptionalFieldsAreLeftOutButTheFeedbackIsKept() {
        JsonObject event = LarkFixtures.json(FEEDBACK_CREATED);
        JsonObject body = event.getAsJsonObject("event");
        for (String field : List.of("user_id", "contact", "source", "images", "fault_type", "feedback_type")) {
            body.remove(field);
        }
        body.addProperty("feedback_time", "yesterday");
        event.getAsJsonObject("header").remove("create_time");

        intake.accept(event.toString(), Transport.WEBHOOK);

        TriagedFeedback item = stored("7057888018203574291");
        assertEquals(UserRef.NONE, item.feedback().user());
        assertNull(item.feedback().contact());
        assertNull(item.feedback().source());
        assertNull(item.feedback().feedbackTime());
        assertEquals(List.of(), item.feedback().images());
        assertEquals(new UnknownCode(0), item.feedback().type());
        assertNull(item.meta().createdAt());
        assertEquals(Priority.P3, item.triage().priority());
    }

    @Test
    void aRevocationWithoutATimestampIsDatedWhenItReachedUs() {
        JsonObject event = LarkFixtures.json(PUBLISH_REVOKE);
        event.getAsJsonObject("header").addProperty("create_time", "soon");

        intake.accept(event.toString(), Transport.WEBHOOK);

        assertEquals(NOW, store.list(RevocationFilter.ALL, PageRequest.first(1)).items().get(0).revocation().revokedAt());
    }

    @Test
    void aStorageFailureReachesTheTransportSoItDoesNotAcknowledge() {
        store.failWrites(true);

        assertThrows(StorageUnavailableException.class,
                () -> intake.accept(LarkFixtures.text(FEEDBACK_CREATED), Transport.WEBHOOK));

        store.failWrites(false);
        assertEquals(Delivery.NEW, intake.accept(LarkFixtures.text(FEEDBACK_CREATED), Transport.WEBHOOK).delivery());
    }

    @Test
    void theChallengeAndItsTokenAreRead() {
        LarkEnvelope challenge = LarkEnvelope.parse(
                "{\"challenge\":\"ajls384kdjx98XX\",\"token\":\"xxxxxx\",\"type\":\"url_verification\"}");

        assertTrue(challenge.isUrlVerification());
        assertEquals("ajls384kdjx98XX", challenge.challenge());
        assertEquals("xxxxxx", challenge.token());
        assertEquals("rvaYgkND1GOiu5MM0E1rncYC6PLtF7JV", LarkEnvelope.parse(LarkFixtures.text(FEEDBACK_CREATED)).token());
    }

    // --- statuses set in Lark's console --------------------------------------------------------------------

    @Test
    void aStatusSetInLarksConsoleBecomesOursByTheOperatorTheEventNamesAndIsNotSentBack() {
        intake.accept(LarkFixtures.text(FEEDBACK_CREATED), Transport.WEBHOOK);

        Intake result = intake.accept(LarkFixtures.text(FEEDBACK_UPDATED), Transport.LONG_CONNECTION);

        assertEquals(new Intake("7f0b2e5c1a6d4f8e9b3c2d1e0f9a8b7c", LarkEventIntake.FEEDBACK_UPDATED,
                LedgerOutcome.STORED, Delivery.NEW), result);
        assertEquals(FeedbackStatus.IN_PROGRESS, stored("7057888018203574291").status());
        HistoryEntry entry = store.history("7057888018203574291").get(0);
        assertEquals(new Actor("ou_84aad35d084aa403a838cf73ee18467", Actor.Kind.LARK), entry.actor());
        assertEquals(FeedbackStatus.NEW, entry.from());
        assertFalse(store.hasPending("7057888018203574291"), "no echo to Lark");
        assertEquals(Delivery.DUPLICATE,
                intake.accept(LarkFixtures.text(FEEDBACK_UPDATED), Transport.WEBHOOK).delivery());
    }

    @Test
    void aStatusUpdateNamingSeveralFeedbackChangesTheKnownOnesAndIsRecordedForTheUnknownOne() {
        intake.accept(LarkFixtures.feedback("ev-1", "fb-1"), Transport.WEBHOOK);
        intake.accept(LarkFixtures.feedback("ev-2", "fb-2"), Transport.WEBHOOK);

        Intake result = intake.accept(LarkFixtures.statusUpdate("ev-u", 3, "fb-1", "fb-unknown", "fb-2"),
                Transport.WEBHOOK);

        assertEquals(LedgerOutcome.STORED, result.outcome());
        assertEquals(FeedbackStatus.CLOSED, stored("fb-1").status());
        assertEquals(FeedbackStatus.CLOSED, stored("fb-2").status());
        assertEquals(LedgerOutcome.STORED, store.entry("ev-u").orElseThrow().outcome());
    }

    @Test
    void aStatusSetInLarkBeforeItsFeedbackArrivedIsAppliedWhenTheFeedbackArrives() {
        intake.accept(LarkFixtures.statusUpdate("ev-early", 2, "fb-late"), Transport.WEBHOOK);
        assertTrue(store.find("fb-late").isEmpty());

        intake.accept(LarkFixtures.feedback("ev-late", "fb-late"), Transport.LONG_CONNECTION);

        assertEquals(FeedbackStatus.IN_PROGRESS, stored("fb-late").status());
        HistoryEntry entry = store.history("fb-late").get(0);
        assertEquals(Actor.LARK, entry.actor());
        assertEquals(FeedbackStatus.NEW, entry.from());
        assertFalse(store.hasPending("fb-late"), "no echo to Lark");
        assertTrue(store.awaitedStatus("fb-late").isEmpty(), "applied once");
        assertTrue(store.problem("ev-early").contains("1 not in the inbox yet"), store.problem("ev-early"));
    }

    @Test
    void aStatusUpdateWithoutFeedbackIdsIsKeptRawAsMalformed() {
        JsonObject event = LarkFixtures.json(FEEDBACK_UPDATED);
        event.getAsJsonObject("event").remove("feedback_ids");

        assertEquals(LedgerOutcome.MALFORMED, intake.accept(event.toString(), Transport.WEBHOOK).outcome());
    }

}
