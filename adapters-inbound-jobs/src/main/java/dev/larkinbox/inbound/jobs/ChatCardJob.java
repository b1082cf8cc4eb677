package dev.larkinbox.inbound.jobs;

import dev.larkinbox.domain.card.SendCards;
import dev.larkinbox.domain.sync.SyncReport;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drains the card outbox into the team's chat every {@code inbox.notify.poll-interval}, from the start: cards left by
 * an earlier run (or a crashed instance, once their lease ends) go out first. Runs only where chat cards are on,
 * that is where the use case exists.
 */
@Singleton
@Requires(beans = SendCards.class)
public class ChatCardJob {
    private static final Logger LOG = LoggerFactory.getLogger(ChatCardJob.class);

    private final SendCards cards;

    ChatCardJob(SendCards cards) {
        this.cards = cards;
    }

    void sendDue() {
        JobRun.logged("chat cards", () -> {
            SyncReport report = cards.sendDue();
            if (!report.equals(SyncReport.NOTHING)) {
                LOG.info("chat cards: {} sent, {} to try again, {} given up", report.delivered(), report.retrying(),
                        report.abandoned());
            }
        });
    }
}
