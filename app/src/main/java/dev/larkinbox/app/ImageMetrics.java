package dev.larkinbox.app;

import dev.larkinbox.outbound.db.image.FeedbackImageRepository;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Context;
import java.util.function.Supplier;

/**
 * Feedback's images in {@code /prometheus}: {@code inbox_images{state="kept|pending|lost"}}, read at each scrape
 * (NaN while the database does not answer).
 */
@Context
class ImageMetrics {
    ImageMetrics(FeedbackImageRepository images, MeterRegistry registry) {
        register(registry, "kept", images::countKept);
        register(registry, "pending", images::countPending);
        register(registry, "lost", images::countLost);
    }

    private static void register(MeterRegistry registry, String state, Supplier<Long> count) {
        Gauge.builder("inbox.images", () -> {
            try {
                return count.get().doubleValue();
            } catch (RuntimeException databaseDown) {
                return Double.NaN;
            }
        }).tag("state", state).description("feedback's images kept, waiting to be fetched, and lost")
                .register(registry);
    }
}
