package dev.larkinbox.inbound.jobs;

import dev.larkinbox.domain.card.SendDigest;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Looks every {@code inbox.notify.digest.check-interval} whether the day's digest is due, and posts it once. Runs
 * only where the digest is on, that is where the use case exists.
 */
@Singleton
@Requires(beans = SendDigest.class)
public class DailyDigestJob {
    private static final Logger LOG = LoggerFactory.getLogger(DailyDigestJob.class);

    private final SendDigest digest;

    DailyDigestJob(SendDigest digest) {
        this.digest = digest;
    }

    void sendIfDue() {
        JobRun.logged("daily digest", () -> digest.sendIfDue()
                .ifPresent(day -> LOG.info("daily digest: posted the digest of {}", day)));
    }
}
