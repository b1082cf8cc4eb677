package dev.larkinbox.inbound.ws.sdk;

import com.lark.oapi.event.EventDispatcher;
import com.lark.oapi.service.application.ApplicationService;
import com.lark.oapi.service.application.v6.model.P2ApplicationAppVersionPublishRevokeV6;
import com.lark.oapi.service.application.v6.model.P2ApplicationFeedbackCreatedV6;
import com.lark.oapi.ws.Client;
import dev.larkinbox.inbound.lark.fixtures.LarkFixtures;
import dev.larkinbox.inbound.ws.gateway.Await;
import dev.larkinbox.inbound.ws.gateway.LarkGateway;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Measures the Lark Java SDK's own long-connection client ({@code com.lark.oapi.ws.Client}) against the stand-in
 * gateway, for docs/adr/0001: how many events it never acknowledges, and whether it comes back after a Close
 * frame. Run by hand, once per JVM (the SDK client cannot be stopped); not part of the build.
 *
 * <p>{@code java -cp <ws test classpath> dev.larkinbox.inbound.ws.sdk.SdkClientLoss [EVENTS] [FRAGMENT_EVERY]}
 * (defaults 20000 and 10: alternately feedback and revocations, every 10th in 3 fragments). The gateway's ack
 * timeout is set beyond the run, so that a lost event shows as lost instead of being delivered again; handlers
 * only count.
 */
public final class SdkClientLoss {
    private static final String APP_ID = "cli_a1b2c3d4e5f60718";
    private static final String SECRET = "sdk-measure-secret";
    private static final Duration SETTLE = Duration.ofSeconds(20);
    private static final Duration RECONNECT_WAIT = Duration.ofSeconds(30);

    private SdkClientLoss() {
    }

    /** Until everything is acked, or nothing more has been for SETTLE. */
    private static void settle(LarkGateway gateway) {
        int last = -1;
        while (gateway.undelivered() > 0 && gateway.undelivered() != last) {
            last = gateway.undelivered();
            Await.until(SETTLE, () -> gateway.undelivered() == 0);
        }
    }

    public static void main(String[] args) throws Exception {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int fragmentEvery = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        LarkGateway gateway = LarkGateway.start(APP_ID, SECRET);
        gateway.ackTimeout(Duration.ofHours(1));
        Set<String> fragmented = new HashSet<>();
        for (int i = 1; i <= events; i++) {
            String json = i % 2 == 0 ? LarkFixtures.feedback("sdk-" + i, "fb-" + i)
                    : LarkFixtures.revocation("sdk-" + i, "oav_" + i);
            boolean split = fragmentEvery > 0 && i % fragmentEvery == 0;
            String message = gateway.publish(json, split ? 3 : 1);
            if (split) {
                fragmented.add(message);
            }
        }

        AtomicInteger handled = new AtomicInteger();
        EventDispatcher dispatcher = EventDispatcher.newBuilder("", "")
                .onP2ApplicationFeedbackCreatedV6(new ApplicationService.P2ApplicationFeedbackCreatedV6Handler() {
                    @Override
                    public void handle(P2ApplicationFeedbackCreatedV6 event) {
                        handled.incrementAndGet();
                    }
                })
                .onP2ApplicationAppVersionPublishRevokeV6(
                        new ApplicationService.P2ApplicationAppVersionPublishRevokeV6Handler() {
                            @Override
                            public void handle(P2ApplicationAppVersionPublishRevokeV6 event) {
                                handled.incrementAndGet();
                            }
                        })
                .build();
        Client client = new Client.Builder(APP_ID, SECRET).domain(gateway.domain().toString())
                .eventHandler(dispatcher).build();
        // start() blocks for good: its own thread
        Thread starter = new Thread(client::start, "sdk-client-start");
        starter.setDaemon(true);
        starter.start();

        settle(gateway);
        int lost = gateway.undelivered();
        long lostFragmented = fragmented.stream().filter(m -> gateway.acks(m).isEmpty()).count();
        System.out.printf("published %d (%d fragmented), never acked %d = %.3f%% (of them fragmented: %d = %.2f%% "
                        + "of the fragmented), handler calls %d%n", events, fragmented.size(), lost,
                lost * 100.0 / events, lostFragmented, lostFragmented * 100.0 / Math.max(1, fragmented.size()),
                handled.get());
        System.out.println(gateway.summary());

        // Lark's Close: the gateway waits 2 s for the client's answering Close, then drops the TCP connection
        int opened = gateway.connectionsOpened();
        long closedAt = System.nanoTime();
        gateway.closeConnections(1000, "gateway restarting");
        boolean back = Await.until(RECONNECT_WAIT, () -> gateway.connectionsOpened() > opened);
        System.out.println("after a Close frame: " + (back ? "reconnected after "
                + (System.nanoTime() - closedAt) / 1_000_000 + " ms" : "no reconnect within "
                + RECONNECT_WAIT.toSeconds() + " s") + "; Close frames the client sent: " + gateway.clientCloseCodes());
        settle(gateway);
        System.out.println("after the redeliveries: never acked " + gateway.undelivered() + "; " + gateway.summary());
        gateway.close();
        // the SDK cannot be stopped, and what it leaves running keeps the JVM alive
        System.out.println("threads that keep the JVM alive: " + Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && !t.isDaemon() && t != Thread.currentThread()).map(Thread::getName)
                .toList());
        System.exit(0);
    }
}
