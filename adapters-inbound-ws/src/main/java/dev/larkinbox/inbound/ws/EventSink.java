package dev.larkinbox.inbound.ws;

import com.google.gson.JsonObject;
import dev.larkinbox.domain.event.CompletedFutures;
import dev.larkinbox.domain.event.Transport;
import dev.larkinbox.inbound.lark.Intake;
import dev.larkinbox.inbound.lark.LarkEventIntake;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * Where the long connection hands each complete event. The client acknowledges an event only after
 * {@link #accept} returned, with what it returned, and answers by what it threw.
 */
@FunctionalInterface
public interface EventSink {

    /**
     * Stores one plain schema 2.0 event; returns only once it is committed (a duplicate counts as committed).
     *
     * @return the JSON Lark is to show in answer (a card click's toast and card); null for none
     * @throws dev.larkinbox.inbound.lark.MalformedEventException the payload can never be an event
     * @throws dev.larkinbox.domain.event.StorageUnavailableException nothing could be committed: Lark must retry
     */
    String accept(String eventJson);

    /**
     * As {@link #accept}, without the caller waiting for the commit: the future completes once the event is
     * committed, or fails with what {@code accept} throws.
     */
    default CompletableFuture<String> acceptAsync(String eventJson) {
        return CompletedFutures.now(() -> accept(eventJson));
    }

    /** The production sink: the shared intake, marked as arrived over the long connection. */
    static EventSink of(LarkEventIntake intake) {
        Objects.requireNonNull(intake, "intake");
        return new EventSink() {
            @Override
            public String accept(String eventJson) {
                return answer(intake.accept(eventJson, Transport.LONG_CONNECTION));
            }

            @Override
            public CompletableFuture<String> acceptAsync(String eventJson) {
                return intake.acceptAsync(eventJson, Transport.LONG_CONNECTION).thenApply(EventSink::answer);
            }
        };
    }

    private static String answer(Intake intake) {
        JsonObject answer = intake.answer();
        return answer == null ? null : answer.toString();
    }
}
