package dev.larkinbox.domain.event;

import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/** Futures already completed, for a store whose writes are answered at once where an asynchronous one is asked. */
public final class CompletedFutures {
    private CompletedFutures() {
    }

    /** Runs the write now: a future already completed with what it returned, or failed with what it threw. */
    public static <T> CompletableFuture<T> now(Supplier<T> write) {
        try {
            return CompletableFuture.completedFuture(write.get());
        } catch (RuntimeException | Error e) {
            return CompletableFuture.failedFuture(e);
        }
    }
}
