package dev.larkinbox.inbound.ws.gateway;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/** Polling with a deadline: tests wait for an outcome, generously, instead of sleeping a guessed time. */
public final class Await {
    private Await() {
    }

    /** @return true as soon as the condition holds; false when it still does not after the timeout */
    public static boolean until(Duration timeout, BooleanSupplier condition) {
        try {
            Awaitility.await().atMost(timeout).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(20))
                    .until(condition::getAsBoolean);
            return true;
        } catch (ConditionTimeoutException e) {
            return false;
        }
    }
}
