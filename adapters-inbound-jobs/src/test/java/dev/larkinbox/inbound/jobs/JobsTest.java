package dev.larkinbox.inbound.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.larkinbox.domain.card.SendCards;
import dev.larkinbox.domain.problem.GroupNewFeedback;
import dev.larkinbox.domain.problem.GroupNewFeedbackCommand;
import dev.larkinbox.domain.problem.GroupingReport;
import dev.larkinbox.domain.recovery.RecoverMissedFeedback;
import dev.larkinbox.domain.recovery.RecoverMissedFeedbackCommand;
import dev.larkinbox.domain.recovery.RecoveryReport;
import dev.larkinbox.domain.sync.SyncReport;
import dev.larkinbox.domain.sync.SyncStatusToLark;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The jobs run on Micronaut's scheduler, at the configured intervals, and a failed run never stops the next. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class JobsTest {
    private static final Duration EVERY_50_MS = Duration.ofMillis(50);

    @Test
    void aRunThatFailsEvenWithAnErrorIsFollowedByTheNextRun() {
        try (ApplicationContext context = ApplicationContext.builder().properties(Map.of("test.jobs", "on"))
                .singletons(new JobIntervals(EVERY_50_MS, EVERY_50_MS, EVERY_50_MS, EVERY_50_MS, Duration.ZERO,
                        EVERY_50_MS, EVERY_50_MS, Duration.ZERO)).start()) {
            FailingUseCases useCases = context.getBean(FailingUseCases.class);

            await(() -> useCases.recoveries.get() >= 4 && useCases.syncs.get() >= 4 && useCases.cards.get() >= 4
                    && useCases.groupings.get() >= 4);

            assertTrue(context.findBean(RecoveryJob.class).isPresent());
            assertTrue(context.findBean(StatusSyncJob.class).isPresent());
            assertTrue(context.findBean(ChatCardJob.class).isPresent());
            assertTrue(context.findBean(GroupingJob.class).isPresent());
            // the job asks for the configured look-back: its default lives with the recovery configuration
            // the first command read, not a view of the list: the job still adds to it meanwhile
            assertEquals(RecoverMissedFeedbackCommand.CONFIGURED, useCases.commands.get(0));
        }
    }

    @Test
    void withoutTheUseCasesNoJobRuns() {
        try (ApplicationContext context = ApplicationContext.run(Map.of())) {
            assertFalse(context.findBean(RecoveryJob.class).isPresent());
            assertFalse(context.findBean(StatusSyncJob.class).isPresent());
            assertFalse(context.findBean(ChatCardJob.class).isPresent());
            assertFalse(context.findBean(GroupingJob.class).isPresent());
            assertFalse(context.findBean(ReporterMessageJob.class).isPresent());
        }
    }

    private static void await(BooleanSupplier condition) {
        Awaitility.await("the jobs run again after their failures").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(20)).until(condition::getAsBoolean);
    }

    /** Use cases whose first run throws an Error and second a RuntimeException; later runs succeed. */
    @Singleton
    @Requires(property = "test.jobs", value = "on")
    static final class FailingUseCases implements RecoverMissedFeedback, SyncStatusToLark, SendCards,
            GroupNewFeedback {
        final AtomicInteger groupings = new AtomicInteger();
        final AtomicInteger recoveries = new AtomicInteger();
        final AtomicInteger syncs = new AtomicInteger();
        final AtomicInteger cards = new AtomicInteger();
        final List<RecoverMissedFeedbackCommand> commands = new CopyOnWriteArrayList<>();

        @Override
        public RecoveryReport recover(RecoverMissedFeedbackCommand command) {
            commands.add(command);
            fail(recoveries.incrementAndGet());
            return new RecoveryReport(0, List.of());
        }

        @Override
        public SyncReport syncDue() {
            fail(syncs.incrementAndGet());
            return SyncReport.NOTHING;
        }

        @Override
        public SyncReport sendDue() {
            fail(cards.incrementAndGet());
            return SyncReport.NOTHING;
        }

        @Override
        public GroupingReport group(GroupNewFeedbackCommand command) {
            fail(groupings.incrementAndGet());
            return GroupingReport.NOTHING;
        }

        private static void fail(int run) {
            if (run == 1) {
                throw new StackOverflowError("run 1 fails with an Error");
            }
            if (run == 2) {
                throw new IllegalStateException("run 2 fails with an exception");
            }
        }
    }
}
