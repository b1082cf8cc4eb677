package dev.larkinbox.inbound.lark;

import static dev.larkinbox.inbound.lark.fixtures.LarkFixtures.PUBLISH_APPLY;
import static dev.larkinbox.inbound.lark.fixtures.LarkFixtures.PUBLISH_REVOKE;
import static dev.larkinbox.inbound.lark.fixtures.LarkFixtures.VERSION_AUDIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import dev.larkinbox.domain.event.Delivery;
import dev.larkinbox.domain.event.Transport;
import dev.larkinbox.domain.event.UserRef;
import dev.larkinbox.domain.inbox.InboxService;
import dev.larkinbox.domain.ledger.LedgerOutcome;
import dev.larkinbox.domain.testing.InMemoryStore;
import dev.larkinbox.domain.triage.DefaultTriagePolicy;
import dev.larkinbox.domain.version.AppVersion;
import dev.larkinbox.domain.version.VersionEvent;
import dev.larkinbox.domain.version.VersionEventKind;
import dev.larkinbox.domain.version.VersionService;
import dev.larkinbox.domain.workflow.WorkflowService;
import dev.larkinbox.inbound.lark.fixtures.Intakes;
import dev.larkinbox.inbound.lark.fixtures.LarkFixtures;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Publish applications and reviews, by either transport, into the versions' timeline beside the revocations. */
class VersionIntakeTest {
    private static final Instant NOW = Instant.parse("2024-06-01T10:00:00Z");
    private static final String APP = "cli_9b445f5258795107";
    private static final String VERSION = "oav_d317f090b7258ad0372aa53963cda70d";
    private static final UserRef OPERATOR = new UserRef("ou_84aad35d084aa403a838cf73ee18467",
            "on_8ed6aa67826108097d9ee143816345", "e33ggbyz");

    private final InMemoryStore store = new InMemoryStore();
    private final VersionService versions = new VersionService(store, store);
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final LarkEventIntake intake = Intakes.over(store, new InboxService(store, new DefaultTriagePolicy()),
            new WorkflowService(store, store, store, true, clock), clock);

    @Test
    void aVersionsApplicationApprovalAndRevocationReadBackInOrderAtTheTimesLarkStampedThem() {
        for (String fixture : List.of(PUBLISH_REVOKE, VERSION_AUDIT, PUBLISH_APPLY)) {
            Intake taken = intake.accept(LarkFixtures.text(fixture), Transport.WEBHOOK);
            assertEquals(LedgerOutcome.STORED, taken.outcome(), fixture);
            assertEquals(Delivery.NEW, taken.delivery(), fixture);
        }

        assertEquals(List.of(new AppVersion(APP, VERSION, "1.0.1", List.of(
                new VersionEvent("3b7e5d1f9a2c4e6b8d0f1a3c5e7b9d2f", VersionEventKind.APPLIED,
                        Instant.ofEpochMilli(1608725000000L), OPERATOR, null),
                new VersionEvent("7a1c3e5b9d2f4a6c8e0b1d3f5a7c9e2b", VersionEventKind.APPROVED,
                        Instant.ofEpochMilli(1608725500000L), OPERATOR, "审核通过"),
                new VersionEvent("9c4d1a7e2b5f4e3a8d6c0b1f2e3a4d5c", VersionEventKind.REVOKED,
                        Instant.ofEpochMilli(1608725989000L), OPERATOR, null)))), versions.versions(APP));
    }

    @Test
    void aRedeliveryByTheOtherTransportStoresNothingTwice() {
        intake.accept(LarkFixtures.text(PUBLISH_APPLY), Transport.WEBHOOK);
        intake.accept(LarkFixtures.text(VERSION_AUDIT), Transport.WEBHOOK);

        assertEquals(Delivery.DUPLICATE, intake.accept(LarkFixtures.text(PUBLISH_APPLY), Transport.LONG_CONNECTION)
                .delivery());
        assertEquals(Delivery.DUPLICATE, intake.accept(LarkFixtures.text(VERSION_AUDIT), Transport.LONG_CONNECTION)
                .delivery());
        assertEquals(2, versions.versions(APP).get(0).events().size());
    }

    @Test
    void aRejectionIsARejectedEventWithItsRemark() {
        JsonObject audit = LarkFixtures.json(VERSION_AUDIT);
        audit.getAsJsonObject("event").addProperty("operation", "reject");
        audit.getAsJsonObject("event").addProperty("remark", "权限说明不清楚");

        intake.accept(audit.toString(), Transport.WEBHOOK);

        VersionEvent event = versions.versions(APP).get(0).events().get(0);
        assertEquals(VersionEventKind.REJECTED, event.kind());
        assertEquals("权限说明不清楚", event.remark());
    }

    @Test
    void aReviewWhoseOperationIsNeitherApprovalNorRejectionIsKeptRawAsMalformedAndAnsweredOnce() {
        JsonObject audit = LarkFixtures.json(VERSION_AUDIT);
        audit.getAsJsonObject("event").addProperty("operation", "withdrawn");

        Intake first = intake.accept(audit.toString(), Transport.WEBHOOK);
        Intake again = intake.accept(audit.toString(), Transport.WEBHOOK);

        assertEquals(LedgerOutcome.MALFORMED, first.outcome());
        assertEquals(Delivery.NEW, first.delivery());
        assertEquals(Delivery.DUPLICATE, again.delivery());
        assertTrue(store.problem(first.eventId()).contains("neither audited nor reject"), store.problem(first.eventId()));
        assertEquals(LarkFixtures.withoutToken(audit.toString()), store.rawEvent(first.eventId()).orElseThrow());
        assertEquals(List.of(), versions.versions(APP));
    }

    @Test
    void anApplicationWithoutTheVersionAppliedForOrItsIdIsKeptRawAsMalformed() {
        JsonObject noVersion = LarkFixtures.json(PUBLISH_APPLY);
        noVersion.getAsJsonObject("event").remove("under_audit_version");
        JsonObject noId = LarkFixtures.json(PUBLISH_APPLY);
        noId.getAsJsonObject("header").addProperty("event_id", "ev-no-id");
        noId.getAsJsonObject("event").getAsJsonObject("under_audit_version").remove("version_id");
        JsonObject wrongShape = LarkFixtures.json(PUBLISH_APPLY);
        wrongShape.getAsJsonObject("header").addProperty("event_id", "ev-wrong-shape");
        wrongShape.getAsJsonObject("event").getAsJsonObject("under_audit_version").addProperty("status", "three");

        for (JsonObject event : List.of(noVersion, noId, wrongShape)) {
            assertEquals(LedgerOutcome.MALFORMED, intake.accept(event.toString(), Transport.WEBHOOK).outcome(),
                    event.toString());
        }
        assertTrue(store.problem("ev-no-id").contains("versionId"), store.problem("ev-no-id"));
        assertEquals(List.of(), versions.versions(APP));
    }

    @Test
    void anApplicationWithoutAnOnlineVersionOrAppIdIsKeptForTheAppItWasSentTo() {
        JsonObject apply = LarkFixtures.json(PUBLISH_APPLY);
        apply.getAsJsonObject("event").add("online_version", new JsonObject());
        apply.getAsJsonObject("event").getAsJsonObject("under_audit_version").remove("app_id");
        apply.getAsJsonObject("header").remove("create_time");

        assertEquals(LedgerOutcome.STORED, intake.accept(apply.toString(), Transport.WEBHOOK).outcome());

        AppVersion version = versions.versions(APP).get(0);
        assertEquals(VERSION, version.versionId());
        assertEquals(NOW, version.events().get(0).at(), "dated when it reached us");
        assertNull(version.events().get(0).remark());
    }

    @Test
    void aVersionStepTheStoreRefusesIsKeptRawAsMalformedAndAnsweredOnceAndForAll() {
        store.refuseValues(true);
        Intake refused = intake.accept(LarkFixtures.text(VERSION_AUDIT), Transport.WEBHOOK);
        store.refuseValues(false);

        assertEquals(LedgerOutcome.MALFORMED, refused.outcome());
        assertEquals(Delivery.DUPLICATE, intake.accept(LarkFixtures.text(VERSION_AUDIT), Transport.WEBHOOK).delivery());
        assertEquals(List.of(), versions.versions(APP));
    }
}
