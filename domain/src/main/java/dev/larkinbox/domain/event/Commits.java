package dev.larkinbox.domain.event;

import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/** Futures of commits, for a store whose writes are answered at once. */
public final class Commits {
    private Commits() {
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
