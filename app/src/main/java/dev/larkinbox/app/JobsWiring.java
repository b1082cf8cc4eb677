package dev.larkinbox.app;

import dev.larkinbox.inbound.jobs.JobIntervals;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

/** The jobs' intervals, from the configuration records that hold their defaults and name their properties. */
@Factory
class JobsWiring {
    @Singleton
    JobIntervals jobIntervals(ProblemsConfig problems, SyncConfig sync, NotifyConfig notify, RecoveryConfig recovery,
                              ImagesConfig images) {
        return new JobIntervals(problems.groupInterval(), sync.sync().pollInterval(), notify.pollInterval(),
                recovery.interval(), recovery.initialDelay(), notify.digest().checkInterval(), images.pollInterval(),
                problems.maxLag());
    }
}
