package dev.larkinbox.outbound.lark;

import dev.larkinbox.domain.recovery.RecoverMissedFeedback;
import dev.larkinbox.domain.recovery.RecoverMissedFeedbackCommand;
import dev.larkinbox.domain.recovery.RecoveryReport;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Asks Lark for the feedback of the last {@code days} every {@code interval}, and adds what never arrived. */
public final class RecoveryJob implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RecoveryJob.class);

    private final PeriodicTask task;

    public RecoveryJob(RecoverMissedFeedback recovery, int days, Duration initialDelay, Duration interval) {
        var command = new RecoverMissedFeedbackCommand(days);
        this.task = new PeriodicTask("lark-feedback-recovery", initialDelay, interval,
                () -> log(recovery.recover(command)));
    }

    private static void log(RecoveryReport report) {
        // feedback ids are not personal data; they tell a person which feedback came this way
        if (report.recovered().isEmpty()) {
            LOG.debug("recovery: Lark listed {} feedback, none missing", report.listed());
        } else {
            LOG.info("recovery: Lark listed {} feedback, {} had never arrived and were added: {}", report.listed(),
                    report.recovered().size(), report.recovered());
        }
    }

    @Override
    public void close() {
        task.close();
    }
}
