package dev.larkinbox.inbound.ws.gateway;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Polling with a deadline: tests wait for an outcome, generously, instead of sleeping a guessed time. */
public final class Await {
    private Await() {
    }

    /** @return true as soon as the condition holds; false when it still does not after the timeout */
    public static boolean until(Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                return false;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }
}
