package dev.larkinbox.outbound.lark;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Calls a use case again and again, as the app's scheduled job does, for as long as a test needs it. */
final class Repeatedly implements AutoCloseable {
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();

    private Repeatedly(Runnable run, Duration pause) {
        executor.scheduleWithFixedDelay(() -> {
            try {
                run.run();
            } catch (RuntimeException e) {
                // as the job does: the next run comes all the same
            }
        }, 0, pause.toMillis(), TimeUnit.MILLISECONDS);
    }

    static Repeatedly run(Runnable run, Duration pause) {
        return new Repeatedly(run, pause);
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
