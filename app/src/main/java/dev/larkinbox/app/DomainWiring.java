package dev.larkinbox.app;

import dev.larkinbox.domain.inbox.FeedbackInbox;
import dev.larkinbox.domain.inbox.InboxService;
import dev.larkinbox.domain.ledger.EventLedger;
import dev.larkinbox.domain.ledger.LedgerService;
import dev.larkinbox.domain.revocation.RevocationHistory;
import dev.larkinbox.domain.revocation.RevocationService;
import dev.larkinbox.domain.triage.DefaultTriagePolicy;
import dev.larkinbox.inbound.lark.LarkEventIntake;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;

/** The plain-Java domain and intake, made into beans over the database adapter's ports. */
@Factory
class DomainWiring {

    @Singleton
    InboxService inbox(FeedbackInbox inbox) {
        return new InboxService(inbox, new DefaultTriagePolicy());
    }

    @Singleton
    RevocationService revocations(RevocationHistory history) {
        return new RevocationService(history);
    }

    @Singleton
    LedgerService ledger(EventLedger ledger) {
        return new LedgerService(ledger);
    }

    @Singleton
    LarkEventIntake intake(RevocationService revocations, InboxService inbox, LedgerService ledger) {
        return new LarkEventIntake(revocations, inbox, ledger, Clock.systemUTC());
    }
}
