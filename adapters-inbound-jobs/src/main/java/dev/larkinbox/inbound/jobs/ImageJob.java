package dev.larkinbox.inbound.jobs;

import dev.larkinbox.domain.image.KeepImages;
import dev.larkinbox.domain.sync.SyncReport;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches and keeps feedback's images every {@code inbox.images.poll-interval}, from the start: images left by an
 * earlier run (or a crashed instance, once their lease ends) are fetched first.
 */
@Singleton
@Requires(beans = KeepImages.class)
public class ImageJob {
    private static final Logger LOG = LoggerFactory.getLogger(ImageJob.class);

    private final KeepImages images;

    ImageJob(KeepImages images) {
        this.images = images;
    }

    void keepDue() {
        JobRun.logged("images", () -> {
            SyncReport report = images.keepDue();
            if (!report.equals(SyncReport.NOTHING)) {
                LOG.info("images: {} kept, {} to try again, {} lost", report.delivered(), report.retrying(),
                        report.abandoned());
            }
        });
    }
}
