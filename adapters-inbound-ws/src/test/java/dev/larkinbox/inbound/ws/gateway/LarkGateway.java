package dev.larkinbox.inbound.ws.gateway;

import dev.larkinbox.inbound.lark.fixtures.LarkFixtures;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A stand-in for Lark's long-connection gateway on 127.0.0.1, speaking the real protocol: the endpoint call
 * ({@code POST /callback/ws/endpoint}), the WebSocket with protobuf {@code pbbp2.Frame}s, pings answered by pongs
 * carrying the ClientConfig, data frames (fragmented and interleaved on request) and acks.
 *
 * <p>Three parts: the {@link GatewayServer} speaks the protocol and records what the client did; the
 * {@link DeliveryBook} delivers like Lark (each event to one open connection chosen at random, again until acked
 * with code 200) and books what was sent, acked and redelivered; the {@link FaultScripts} make trouble on
 * request. This class is what tests use.
 *
 * <p>Scripts for trouble: {@link #dropConnections()} (TCP reset), {@link #closeConnections} (a Close frame),
 * {@link #silenceConnections()} (no pongs, no data), {@link #failEndpoint} (endpoint error codes),
 * {@link #credentials} (then wrong credentials get {@link #BAD_CREDENTIALS}), {@link #refuseHandshakes} (a refused
 * upgrade with {@code handshake-*} headers), {@link #publishIncomplete} (fragments that never come).
 *
 * <p>Run {@link #main} for a standalone gateway (benchmarks).
 */
public final class LarkGateway implements AutoCloseable {
    /** The code this gateway answers wrong credentials with; any code other than 0, 1 and 1000040343 is one. */
    public static final int BAD_CREDENTIALS = 10003;
    /** Lark's handshake refusal for too many connections (with handshake-status 514). */
    public static final int TOO_MANY_CONNECTIONS = 1000040350;
    public static final String ENDPOINT_PATH = "/callback/ws/endpoint";

    private final DeliveryBook book;
    private final FaultScripts faults;
    private final GatewayServer server;

    private LarkGateway(String appId, String appSecret, int port) throws InterruptedException {
        this.book = new DeliveryBook();
        this.faults = new FaultScripts(book);
        try {
            this.server = new GatewayServer(appId, appSecret, port, book, faults);
        } catch (InterruptedException | RuntimeException e) {
            book.close();
            throw e;
        }
    }

    /** A gateway on a random port of 127.0.0.1 that accepts these credentials. */
    public static LarkGateway start(String appId, String appSecret) {
        return start(appId, appSecret, 0);
    }

    public static LarkGateway start(String appId, String appSecret, int port) {
        try {
            return new LarkGateway(appId, appSecret, port);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while binding", e);
        }
    }

    /** What a client takes as its Lark domain (base URL). */
    public URI domain() {
        return URI.create("http://127.0.0.1:" + server.port());
    }

    public int port() {
        return server.port();
    }

    // ---- configuration ----

    /** The ClientConfig for endpoint replies and pongs from now on. */
    public void policy(ClientPolicy policy) {
        server.policy(policy);
    }

    /** The ClientConfig for pongs only, to see the client apply what pongs say. */
    public void pongPolicy(ClientPolicy policy) {
        server.pongPolicy(policy);
    }

    /** Credentials the endpoint accepts from now on. */
    public void credentials(String appId, String appSecret) {
        server.credentials(appId, appSecret);
    }

    /** How long after an ack with a code other than 200 the message is sent again. */
    public void redeliveryDelay(Duration delay) {
        book.redeliveryDelay(delay);
    }

    /** How long a message sent may go unacked before it is sent again. */
    public void ackTimeout(Duration timeout) {
        book.ackTimeout(timeout);
    }

    // ---- events ----

    /** Publishes an event as one frame; returns its message id. */
    public String publish(String eventJson) {
        return publish(eventJson, 1);
    }

    /** Publishes an event split into {@code fragments} frames (seq 0..fragments-1). */
    public String publish(String eventJson, int fragments) {
        return book.publish(eventJson.getBytes(StandardCharsets.UTF_8), fragments, Set.of(), true);
    }

    /**
     * Publishes a message whose fragments {@code withheld} are never sent: the client must drop it after its
     * fragment timeout, without an ack. It is never delivered again and does not count for {@link #awaitDelivered}.
     */
    public String publishIncomplete(String eventJson, int fragments, Integer... withheld) {
        return book.publish(eventJson.getBytes(StandardCharsets.UTF_8), fragments, Set.of(withheld), false);
    }

    /** True once every published message (but incomplete ones) was acked 200, waiting at most {@code timeout}. */
    public boolean awaitDelivered(Duration timeout) {
        return Await.until(timeout, () -> undelivered() == 0);
    }

    public int undelivered() {
        return book.undelivered();
    }

    /** Published messages waiting to be sent (none is in flight); grows when the client stops reading. */
    public int unsent() {
        return book.unsent();
    }

    /**
     * True when some open connection cannot take more frames: the socket's buffers are full because the client
     * does not read. A client that read everything into memory would never cause this.
     */
    public boolean backedUp() {
        return book.openConnections().stream().anyMatch(c -> !c.ch.isWritable());
    }

    public List<Ack> acks() {
        return book.acks();
    }

    public List<Ack> acks(String messageId) {
        return acks().stream().filter(a -> messageId.equals(a.messageId())).toList();
    }

    /** How often a message was sent out (1 when it was never delivered again). */
    public int deliveries(String messageId) {
        return book.deliveries(messageId);
    }

    public int redeliveries() {
        return book.redeliveries();
    }

    // ---- connections ----

    public int openConnections() {
        return book.openConnections().size();
    }

    /** Connections ever upgraded to a WebSocket. */
    public int connectionsOpened() {
        return server.connectionsOpened();
    }

    public int handshakesRefused() {
        return server.handshakesRefused();
    }

    /** Pings received, over all connections. */
    public int pings() {
        return server.pings();
    }

    /** Status codes of the Close frames the client sent. */
    public List<Integer> clientCloseCodes() {
        return server.clientCloseCodes();
    }

    public List<EndpointCall> endpointCalls() {
        return server.endpointCalls();
    }

    // ---- trouble ----

    /** Ends every open connection abruptly: a TCP reset, no Close frame. */
    public void dropConnections() {
        faults.dropConnections();
    }

    /** Sends a Close frame on every open connection, as Lark does before a restart, then ends them. */
    public void closeConnections(int code, String reason) {
        faults.closeConnections(code, reason);
    }

    /** The open connections fall silent, as dead ones do: no pong, no data. New connections behave. */
    public void silenceConnections() {
        faults.silenceConnections();
    }

    /** The next {@code times} endpoint calls (-1: all, until changed) answer this code. */
    public void failEndpoint(int code, String msg, int times) {
        faults.failEndpoint(code, msg, times);
    }

    /** The next {@code times} upgrades (-1: all, until changed) are refused with these {@code handshake-*} headers. */
    public void refuseHandshakes(int status, int authErrCode, String msg, int times) {
        faults.refuseHandshakes(status, authErrCode, msg, times);
    }

    /** Counts for a person: deliveries, acks, connections. */
    public String summary() {
        return book.summary() + "; connections opened " + server.connectionsOpened() + ", open "
                + openConnections() + "; endpoint calls " + server.endpointCalls().size() + "; handshakes refused "
                + server.handshakesRefused();
    }

    @Override
    public void close() {
        book.close();
        server.close();
    }

    /**
     * A standalone gateway, for benchmarks: {@code --port 0 --app-id cli_bench --app-secret secret --events 10000
     * --fragment-every 10 --warmup-events 0}. It prints its domain, publishes the events (alternately feedback and
     * revocations, every n-th in 3 fragments), prints a summary each second until all are delivered, then serves
     * until stopped. With warm-up events (ids warmup-1 ..), those are delivered first and left out of the summary:
     * it prints {@code warm-up delivered N}, waits 2 s, then measures the events from then on.
     */
    public static void main(String[] args) throws InterruptedException {
        Map<String, String> opts = new LinkedHashMap<>(Map.of("--port", "0", "--app-id", "cli_bench",
                "--app-secret", "bench-secret", "--events", "0", "--fragment-every", "10", "--warmup-events", "0"));
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!opts.containsKey(args[i])) {
                throw new IllegalArgumentException("unknown option " + args[i] + "; options: " + opts.keySet());
            }
            opts.put(args[i], args[i + 1]);
        }
        LarkGateway gateway = start(opts.get("--app-id"), opts.get("--app-secret"),
                Integer.parseInt(opts.get("--port")));
        System.out.println("lark gateway: " + gateway.domain() + " (app id " + opts.get("--app-id") + ")");
        int events = Integer.parseInt(opts.get("--events"));
        int every = Integer.parseInt(opts.get("--fragment-every"));
        int warmup = Integer.parseInt(opts.get("--warmup-events"));
        if (warmup > 0) {
            gateway.publishBench("warmup-", warmup, every);
            while (!gateway.awaitDelivered(Duration.ofSeconds(1))) {
                System.out.println("warm-up: " + gateway.summary());
            }
            System.out.println("warm-up delivered " + warmup);
            // a pause, for a benchmark to take its readings (CPU, counters) before the measured events
            Thread.sleep(2000);
            gateway.book.startMeasuring();
        }
        gateway.publishBench("bench-", events, every);
        while (events > 0 && !gateway.awaitDelivered(Duration.ofSeconds(1))) {
            System.out.println(gateway.summary());
        }
        System.out.println(gateway.summary());
        gateway.server.awaitClosed();
    }

    /** Events prefix-1 .. prefix-count: even numbers feedback, odd ones revocations, every n-th in 3 fragments. */
    private void publishBench(String prefix, int count, int fragmentEvery) {
        for (int i = 1; i <= count; i++) {
            String json = i % 2 == 0 ? LarkFixtures.feedback(prefix + i, prefix + "fb-" + i)
                    : LarkFixtures.revocation(prefix + i, "oav_" + i);
            publish(json, fragmentEvery > 0 && i % fragmentEvery == 0 ? 3 : 1);
        }
    }
}
