package dev.larkinbox.inbound.jobs;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.TaskScheduler;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Named;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;

/**
 * Runs each job that exists (its use case is configured) on Micronaut's scheduler, from the start, every
 * {@link JobIntervals} interval after the end of its previous run.
 */
@Context
@Requires(beans = JobIntervals.class)
class JobSchedule implements AutoCloseable {
    private final List<ScheduledFuture<?>> runs = new ArrayList<>();

    JobSchedule(@Named(TaskExecutors.SCHEDULED) TaskScheduler scheduler, JobIntervals intervals,
                Optional<GroupingJob> grouping, Optional<StatusSyncJob> statusSync, Optional<ChatCardJob> chatCards,
                Optional<RecoveryJob> recovery, Optional<DailyDigestJob> digest,
                Optional<ReporterMessageJob> reporterMessages, Optional<ImageJob> images) {
        grouping.ifPresent(job -> runs.add(scheduler.scheduleWithFixedDelay(Duration.ZERO, intervals.grouping(),
                job::group)));
        statusSync.ifPresent(job -> runs.add(scheduler.scheduleWithFixedDelay(Duration.ZERO, intervals.statusSync(),
                job::syncDue)));
        // messages to reporters are paced like statuses: both are single calls of Lark's open API
        reporterMessages.ifPresent(job -> runs.add(scheduler.scheduleWithFixedDelay(Duration.ZERO,
                intervals.statusSync(), job::sendDue)));
        chatCards.ifPresent(job -> runs.add(scheduler.scheduleWithFixedDelay(Duration.ZERO, intervals.chatCards(),
                job::sendDue)));
        recovery.ifPresent(job -> runs.add(scheduler.scheduleWithFixedDelay(intervals.recoveryInitialDelay(),
                intervals.recovery(), job::recover)));
        digest.ifPresent(job -> runs.add(scheduler.scheduleWithFixedDelay(Duration.ZERO, intervals.digestCheck(),
                job::sendIfDue)));
        images.ifPresent(job -> runs.add(scheduler.scheduleWithFixedDelay(Duration.ZERO, intervals.images(),
                job::keepDue)));
    }

    /** No new run once the context closes; a run under way ends (the service waits for it). */
    @PreDestroy
    @Override
    public void close() {
        runs.forEach(run -> run.cancel(false));
    }
}
