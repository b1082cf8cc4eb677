package dev.larkinbox.inbound.jobs;

import dev.larkinbox.domain.recovery.RecoverMissedFeedback;
import dev.larkinbox.domain.recovery.RecoverMissedFeedbackCommand;
import dev.larkinbox.domain.recovery.RecoveryReport;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks Lark for the feedback of the configured look-back every {@code inbox.recovery.interval}, and adds what never
 * arrived. Runs only where recovery is configured (the app's credentials are set).
 */
@Singleton
@Requires(beans = RecoverMissedFeedback.class)
public class RecoveryJob {
    private static final Logger LOG = LoggerFactory.getLogger(RecoveryJob.class);

    private final RecoverMissedFeedback recovery;

    RecoveryJob(RecoverMissedFeedback recovery) {
        this.recovery = recovery;
    }

    void recover() {
        JobRun.logged("recovery of missed feedback", () -> {
            RecoveryReport report = recovery.recover(RecoverMissedFeedbackCommand.CONFIGURED);
            // feedback ids are not personal data; they tell a person which feedback came this way
            if (report.recovered().isEmpty()) {
                LOG.debug("recovery: Lark listed {} feedback, none missing", report.listed());
            } else {
                LOG.info("recovery: Lark listed {} feedback, {} had never arrived and were added: {}",
                        report.listed(), report.recovered().size(), report.recovered());
            }
        });
    }
}
