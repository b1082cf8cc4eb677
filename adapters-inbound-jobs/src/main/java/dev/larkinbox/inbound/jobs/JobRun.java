package dev.larkinbox.inbound.jobs;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run of a job. A failed run is logged and swallowed, even an Error: a job must outlive an outage of Lark or
 * of the database, and the scheduler would cancel every later run of a task that threw.
 */
final class JobRun {
    private static final Logger LOG = LoggerFactory.getLogger(JobRun.class);

    private JobRun() {
    }

    static void logged(String job, Runnable run) {
        try {
            run.run();
        } catch (RuntimeException | Error e) {
            // the domain's and the adapters' messages name the failure, never personal data
            LOG.warn("{} failed, trying again at its next run: {}: {}", job, e.getClass().getSimpleName(),
                    e.getMessage());
        }
    }
}
