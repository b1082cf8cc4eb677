package dev.larkinbox.inbound.ws.gateway;

import static dev.larkinbox.inbound.ws.gateway.GatewayFrames.header;

import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.lark.oapi.ws.pb.Pbbp2.Frame;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * Delivers like Lark, and books it: each published message goes to one open connection chosen at random and is
 * delivered again until acked with code 200 — after an ack with another code (after the redelivery delay), when
 * its connection ends unacked, or when no ack came within the ack timeout. It keeps what was sent on which
 * connection, every ack, and every redelivery, for the tests to assert on.
 */
final class DeliveryBook {
    /** Messages per dispatch round; the fragments of one round are shuffled together. */
    private static final int BATCH = 32;

    private final ScheduledExecutorService dispatcher = Executors.newSingleThreadScheduledExecutor(
            new DefaultThreadFactory("lark-gateway-dispatch", true));
    private final AtomicBoolean dispatchQueued = new AtomicBoolean();
    private final AtomicLong seqIds = new AtomicLong();
    private final AtomicLong messageIds = new AtomicLong();

    private final Object lock = new Object();
    // guarded by lock
    private Duration redeliveryDelay = Duration.ofMillis(200);
    private Duration ackTimeout = Duration.ofSeconds(30);
    private final Map<String, PublishedMessage> messages = new LinkedHashMap<>();
    private final Deque<PublishedMessage> pending = new ArrayDeque<>();
    /** Open connections: the ones messages go to. */
    private final Map<Integer, GatewayConnection> open = new LinkedHashMap<>();
    private final List<Ack> acks = new ArrayList<>();
    private int redeliveries;
    private Instant firstConnectionAt;
    private Instant lastDeliveryAt;

    DeliveryBook() {
        dispatcher.scheduleWithFixedDelay(this::redeliverUnacked, 100, 100, TimeUnit.MILLISECONDS);
    }

    void redeliveryDelay(Duration delay) {
        synchronized (lock) {
            this.redeliveryDelay = delay;
        }
    }

    void ackTimeout(Duration timeout) {
        synchronized (lock) {
            this.ackTimeout = timeout;
        }
    }

    /** @param redeliver false for a message that can never be complete: not delivered again, not awaited */
    String publish(byte[] payload, int fragments, Set<Integer> withheld, boolean redeliver) {
        long n = messageIds.incrementAndGet();
        PublishedMessage m = new PublishedMessage("msg-" + n, "trace-" + n, payload, fragments, withheld, redeliver);
        synchronized (lock) {
            messages.put(m.id, m);
            pending.add(m);
        }
        kick();
        return m.id;
    }

    int undelivered() {
        synchronized (lock) {
            return (int) messages.values().stream().filter(m -> m.redeliver && !m.done).count();
        }
    }

    int unsent() {
        synchronized (lock) {
            return pending.size();
        }
    }

    List<Ack> acks() {
        synchronized (lock) {
            return List.copyOf(acks);
        }
    }

    int deliveries(String messageId) {
        synchronized (lock) {
            PublishedMessage m = messages.get(messageId);
            return m == null ? 0 : m.deliveries;
        }
    }

    int redeliveries() {
        synchronized (lock) {
            return redeliveries;
        }
    }

    List<GatewayConnection> openConnections() {
        synchronized (lock) {
            return List.copyOf(open.values());
        }
    }

    /** Deliveries and acks, for a person; the first part of the gateway's summary. */
    String summary() {
        synchronized (lock) {
            Map<Integer, Long> codes = acks.stream().collect(Collectors.groupingBy(Ack::code, Collectors.counting()));
            long delivered = messages.values().stream().filter(m -> m.done).count();
            String rate = "";
            if (firstConnectionAt != null && lastDeliveryAt != null && delivered > 0) {
                long ms = Math.max(1, Duration.between(firstConnectionAt, lastDeliveryAt).toMillis());
                rate = String.format(" in %d ms from the first connection (%.0f events/s)", ms, delivered * 1000.0 / ms);
            }
            return "published " + messages.size() + ", delivered " + delivered + rate + "; acks by code " + codes
                    + "; redeliveries " + redeliveries;
        }
    }

    /**
     * Forgets the messages delivered so far, their acks and redeliveries, and counts time from now: what is
     * published after is measured as if it were the first (a benchmark's warm-up is left out of its figures).
     */
    void startMeasuring() {
        synchronized (lock) {
            messages.values().removeIf(m -> m.done);
            acks.clear();
            redeliveries = 0;
            firstConnectionAt = open.isEmpty() ? null : Instant.now();
            lastDeliveryAt = null;
        }
    }

    // ---- what the server tells the book ----

    void connected(GatewayConnection c) {
        synchronized (lock) {
            open.put(c.id, c);
            if (firstConnectionAt == null) {
                firstConnectionAt = Instant.now();
            }
        }
        kick();
    }

    /** What was sent on the connection and not acked is delivered again, first. */
    void connectionEnded(GatewayConnection c) {
        synchronized (lock) {
            open.remove(c.id);
            for (PublishedMessage m : messages.values()) {
                if (m.sentOn == c) {
                    m.sentOn = null;
                    if (m.redeliver && !m.done) {
                        redeliveries++;
                        pending.addFirst(m);
                    }
                }
            }
        }
        kick();
    }

    void acked(GatewayConnection c, Frame ack) {
        Frame original = c.sent.remove(ack.getSeqID());
        boolean echoes = original != null && ack.getLogID() == original.getLogID()
                && ack.getService() == original.getService() && ack.getMethod() == original.getMethod()
                && ack.getHeadersCount() > original.getHeadersCount()
                && ack.getHeadersList().subList(0, original.getHeadersCount()).equals(original.getHeadersList());
        String messageId = header(ack, "message_id");
        int code = code(ack.getPayload().toStringUtf8());
        synchronized (lock) {
            acks.add(new Ack(messageId, code, header(ack, "biz_rt"), echoes, c.id, Instant.now(),
                    data(ack.getPayload().toStringUtf8())));
            PublishedMessage m = messageId == null ? null : messages.get(messageId);
            if (m == null || m.done) {
                return;
            }
            if (code == 200) {
                m.done = true;
                m.sentOn = null;
                lastDeliveryAt = Instant.now();
            } else if (m.sentOn != null) {
                m.sentOn = null;
                dispatcher.schedule(() -> deliverAgain(m), redeliveryDelay.toMillis(), TimeUnit.MILLISECONDS);
            }
        }
    }

    /** Sends what is pending, soon: a connection opened or can take frames again, or a message came. */
    void kick() {
        if (dispatchQueued.compareAndSet(false, true)) {
            try {
                dispatcher.execute(() -> {
                    dispatchQueued.set(false);
                    dispatch();
                });
            } catch (RejectedExecutionException e) {
                // closed
            }
        }
    }

    void close() {
        dispatcher.shutdownNow();
    }

    // ---- delivering (the dispatcher thread) ----

    /** Sends a round of pending messages, each to a random open connection, fragments shuffled together. */
    private void dispatch() {
        Map<GatewayConnection, List<Frame>> out = new LinkedHashMap<>();
        synchronized (lock) {
            List<GatewayConnection> targets = open.values().stream()
                    .filter(c -> !c.silent && !c.closing && c.ch.isWritable()).toList();
            if (targets.isEmpty()) {
                return;
            }
            int sent = 0;
            while (!pending.isEmpty() && sent < BATCH) {
                PublishedMessage m = pending.poll();
                if (m.done) {
                    continue;
                }
                GatewayConnection c = targets.get(ThreadLocalRandom.current().nextInt(targets.size()));
                m.sentOn = c;
                m.sentAt = System.nanoTime();
                m.deliveries++;
                out.computeIfAbsent(c, k -> new ArrayList<>()).addAll(m.frames(c.serviceId, seqIds::incrementAndGet));
                sent++;
            }
            if (!pending.isEmpty()) {
                kick();
            }
        }
        out.forEach((c, frames) -> {
            Collections.shuffle(frames, ThreadLocalRandom.current());
            for (Frame f : frames) {
                c.sent.put(f.getSeqID(), f);
                c.ch.write(new BinaryWebSocketFrame(Unpooled.wrappedBuffer(f.toByteArray())));
            }
            c.ch.flush();
        });
    }

    private void deliverAgain(PublishedMessage m) {
        synchronized (lock) {
            if (m.done || m.sentOn != null || pending.contains(m)) {
                return;
            }
            redeliveries++;
            pending.add(m);
        }
        kick();
    }

    /** Lark redelivers what was not acked in time. */
    private void redeliverUnacked() {
        boolean any = false;
        synchronized (lock) {
            long now = System.nanoTime();
            for (PublishedMessage m : messages.values()) {
                if (m.redeliver && !m.done && m.sentOn != null && now - m.sentAt > ackTimeout.toNanos()) {
                    m.sentOn = null;
                    redeliveries++;
                    pending.add(m);
                    any = true;
                }
            }
        }
        if (any) {
            kick();
        }
    }

    private static String data(String ackPayload) {
        try {
            JsonElement json = JsonParser.parseString(ackPayload);
            if (json.isJsonObject() && json.getAsJsonObject().has("data")) {
                return new String(Base64.getDecoder().decode(json.getAsJsonObject().get("data").getAsString()),
                        StandardCharsets.UTF_8);
            }
        } catch (JsonParseException | IllegalArgumentException | IllegalStateException e) {
            // no usable data: the test that looks for it says so
        }
        return null;
    }

    private static int code(String ackPayload) {
        try {
            JsonElement json = JsonParser.parseString(ackPayload);
            if (json.isJsonObject() && json.getAsJsonObject().has("code")) {
                return json.getAsJsonObject().get("code").getAsInt();
            }
        } catch (JsonParseException | NumberFormatException | IllegalStateException e) {
            // no usable code
        }
        return -1;
    }
}
