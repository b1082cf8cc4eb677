package dev.larkinbox.inbound.ws;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * How to reach Lark's long-connection gateway and how much work to hold.
 *
 * @param appId              the self-built app's id
 * @param appSecret          the app's secret: sent to the endpoint only, never logged ({@link #toString()} hides it)
 * @param domain             base URL of the open platform, e.g. {@code https://open.feishu.cn}
 * @param fragmentTimeout    how long the fragments of one message may take to arrive; an incomplete message is
 *                           then dropped without an ack, so that Lark delivers it again
 * @param pongTimeout        how long a ping may go unanswered before the connection counts as dead
 * @param queueCapacity      received messages waiting for a worker; when full, the socket is not read further.
 *                           As many again may be being stored (handed to the store, not yet acknowledged)
 * @param workers            threads that hand events to the store; none waits for a commit
 * @param clientErrorBackoff the wait before trying again after Lark refused us (bad credentials, too many
 *                           connections): long, since retrying sooner cannot help
 * @param connectTimeout     bound on the endpoint call and on the WebSocket handshake
 * @param shutdownGrace      how long {@code close()} lets events already being stored finish (and be acked)
 */
public record LongConnectionConfig(
        String appId,
        String appSecret,
        URI domain,
        Duration fragmentTimeout,
        Duration pongTimeout,
        int queueCapacity,
        int workers,
        Duration clientErrorBackoff,
        Duration connectTimeout,
        Duration shutdownGrace) {

    public static final URI FEISHU = URI.create("https://open.feishu.cn");

    public LongConnectionConfig {
        requireText(appId, "appId");
        requireText(appSecret, "appSecret");
        Objects.requireNonNull(domain, "domain");
        if (!("https".equals(domain.getScheme()) || "http".equals(domain.getScheme())) || domain.getHost() == null) {
            throw new IllegalArgumentException("domain must be an absolute http(s) URL, was " + domain);
        }
        requirePositive(fragmentTimeout, "fragmentTimeout");
        requirePositive(pongTimeout, "pongTimeout");
        requirePositive(clientErrorBackoff, "clientErrorBackoff");
        requirePositive(connectTimeout, "connectTimeout");
        requirePositive(shutdownGrace, "shutdownGrace");
        if (queueCapacity < 1) {
            throw new IllegalArgumentException("queueCapacity must be at least 1, was " + queueCapacity);
        }
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be at least 1, was " + workers);
        }
    }

    /** The defaults: Lark wants each event handled within about 3 s, and a refused app rarely mends itself soon. */
    public static LongConnectionConfig of(String appId, String appSecret, URI domain) {
        return new LongConnectionConfig(appId, appSecret, domain, Duration.ofSeconds(5), Duration.ofSeconds(15),
                256, 4, Duration.ofMinutes(2), Duration.ofSeconds(10), Duration.ofSeconds(2));
    }

    /** {@code POST} here to get a connection URL. */
    URI endpoint() {
        String base = domain.toString();
        return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/callback/ws/endpoint");
    }

    @Override
    public String toString() {
        return "LongConnectionConfig[appId=" + appId + ", appSecret=(hidden), domain=" + domain
                + ", fragmentTimeout=" + fragmentTimeout + ", pongTimeout=" + pongTimeout
                + ", queueCapacity=" + queueCapacity + ", workers=" + workers
                + ", clientErrorBackoff=" + clientErrorBackoff + ", connectTimeout=" + connectTimeout
                + ", shutdownGrace=" + shutdownGrace + "]";
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }

    private static void requirePositive(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
    }
}
