package dev.larkinbox.app;

import dev.larkinbox.inbound.http.support.LarkWire;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * Delivers events to webhooks as Lark does: each one again and again until it is answered 200 (Lark waits
 * seconds to hours between tries; this sender 50 ms), a few at once. Bounded: it gives up at its deadline.
 */
final class LarkSender implements AutoCloseable {
    private final List<URI> webhooks;
    /** Lark's Encrypt Key: each event encrypted and signed with it; null sends them as they are. */
    private final String encryptKey;
    private final ExecutorService senders;
    private final AtomicInteger acknowledged = new AtomicInteger();
    private final AtomicReference<Instant> lastAcknowledged = new AtomicReference<>();
    private final Map<String, AtomicInteger> refusals = new ConcurrentHashMap<>();
    private final List<Future<Boolean>> deliveries = new ArrayList<>();

    /** Every event goes to each of the webhooks, at about the same time. */
    LarkSender(List<URI> webhooks, int concurrency) {
        this(webhooks, concurrency, null);
    }

    /** As Lark sends events to an app with an Encrypt Key: encrypted, and signed over the body it sends. */
    LarkSender(List<URI> webhooks, int concurrency, String encryptKey) {
        this.webhooks = webhooks;
        this.encryptKey = encryptKey;
        this.senders = Executors.newFixedThreadPool(concurrency);
    }

    /** Starts delivering; returns at once. */
    void deliver(List<String> events, Duration deadline) {
        Instant giveUp = Instant.now().plus(deadline);
        for (String event : events) {
            for (URI webhook : webhooks) {
                deliveries.add(senders.submit(() -> deliverUntilTaken(webhook, event, giveUp)));
            }
        }
    }

    /** Tries again every 50 ms until it is answered 200: true, or the deadline passes: false. */
    private boolean deliverUntilTaken(URI webhook, String event, Instant giveUp) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(webhook.resolve("/webhook/event"))
                .timeout(Duration.ofSeconds(5));
        if (encryptKey == null) {
            builder.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(event));
        } else {
            LarkWire.Request signed = LarkWire.signed(event, encryptKey);
            signed.headers().forEach(builder::header);
            builder.POST(HttpRequest.BodyPublishers.ofByteArray(signed.body()));
        }
        HttpRequest request = builder.build();
        Duration left = Duration.between(Instant.now(), giveUp);
        if (left.isNegative() || left.isZero()) {
            return false;
        }
        try {
            // in the sender's own thread: thousands of deliveries, no thread each
            Awaitility.await().atMost(left).pollInSameThread().pollDelay(Duration.ZERO)
                    .pollInterval(Duration.ofMillis(50)).until(() -> taken(request));
            return true;
        } catch (ConditionTimeoutException e) {
            return false;
        }
    }

    private boolean taken(HttpRequest request) throws InterruptedException {
        String refusal;
        try {
            int status = Http.CLIENT.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status == 200) {
                acknowledged.incrementAndGet();
                lastAcknowledged.set(Instant.now());
                return true;
            }
            refusal = String.valueOf(status);
        } catch (IOException e) {
            refusal = "no answer";
        }
        refusals.computeIfAbsent(refusal, r -> new AtomicInteger()).incrementAndGet();
        return false;
    }

    /** Deliveries answered 200 so far (an event sent to two webhooks counts twice). */
    int acknowledged() {
        return acknowledged.get();
    }

    /** When the last delivery was answered 200, or null. */
    Instant lastAcknowledged() {
        return lastAcknowledged.get();
    }

    /** Waits until every delivery was answered 200; false when one gave up at its deadline. */
    boolean awaitAllTaken() throws Exception {
        boolean all = true;
        for (Future<Boolean> delivery : deliveries) {
            all &= delivery.get(5, TimeUnit.MINUTES);
        }
        return all;
    }

    /** Answers other than 200, by status ("no answer" when the connection failed). */
    Map<String, Integer> refusals() {
        Map<String, Integer> counts = new TreeMap<>();
        refusals.forEach((k, v) -> counts.put(k, v.get()));
        return counts;
    }

    @Override
    public void close() {
        senders.shutdownNow();
    }
}
