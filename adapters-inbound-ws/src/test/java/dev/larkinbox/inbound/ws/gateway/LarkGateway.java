package dev.larkinbox.inbound.ws.gateway;

import dev.larkinbox.inbound.lark.fixtures.LarkFixtures;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.lark.oapi.google.protobuf.ByteString;
import com.lark.oapi.google.protobuf.InvalidProtocolBufferException;
import com.lark.oapi.ws.pb.Pbbp2.Frame;
import com.lark.oapi.ws.pb.Pbbp2.Header;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshaker;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshakerFactory;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * A stand-in for Lark's long-connection gateway on 127.0.0.1, speaking the real protocol: the endpoint call
 * ({@code POST /callback/ws/endpoint}), the WebSocket with protobuf {@code pbbp2.Frame}s, pings answered by pongs
 * carrying the ClientConfig, data frames (fragmented and interleaved on request) and acks.
 *
 * <p>It delivers like Lark: each published event goes to one open connection chosen at random and is delivered
 * again until acked with code 200 — after an ack with another code (after {@link #redeliveryDelay}), when its
 * connection ends unacked, or when no ack came within {@link #ackTimeout}.
 *
 * <p>Scripts for trouble: {@link #dropConnections()} (TCP reset), {@link #closeConnections} (a Close frame),
 * {@link #silenceConnections()} (no pongs, no data), {@link #failEndpoint} (endpoint error codes),
 * {@link #credentials} (then wrong credentials get {@link #BAD_CREDENTIALS}), {@link #refuseHandshakes} (a refused
 * upgrade with {@code handshake-*} headers). Everything the client sent is recorded for assertions.
 *
 * <p>Run {@link #main} for a standalone gateway (benchmarks).
 */
public final class LarkGateway implements AutoCloseable {
    /** The code this gateway answers wrong credentials with; any code other than 0, 1 and 1000040343 is one. */
    public static final int BAD_CREDENTIALS = 10003;
    /** Lark's handshake refusal for too many connections (with handshake-status 514). */
    public static final int TOO_MANY_CONNECTIONS = 1000040350;
    public static final String ENDPOINT_PATH = "/callback/ws/endpoint";
    private static final String WS_PATH = "/ws";
    private static final int MAX_MESSAGE = 16 * 1024 * 1024;
    /** Messages per dispatch round; the fragments of one round are shuffled together. */
    private static final int BATCH = 32;

    private final EventLoopGroup group;
    private final Channel server;
    private final int port;
    private final ScheduledExecutorService dispatcher;
    private final AtomicBoolean dispatchQueued = new AtomicBoolean();
    private final AtomicLong seqIds = new AtomicLong();
    private final AtomicLong messageIds = new AtomicLong();
    private final AtomicLong serviceIds = new AtomicLong(1000);

    private final Object lock = new Object();
    // guarded by lock
    private String appId;
    private String appSecret;
    private ClientPolicy endpointPolicy = ClientPolicy.FAST;
    private ClientPolicy pongPolicy = ClientPolicy.FAST;
    private Duration redeliveryDelay = Duration.ofMillis(200);
    private Duration ackTimeout = Duration.ofSeconds(30);
    private final Map<String, Message> messages = new LinkedHashMap<>();
    private final Deque<Message> pending = new ArrayDeque<>();
    private final Map<Integer, Conn> open = new LinkedHashMap<>();
    private final List<Ack> acks = new ArrayList<>();
    private final List<EndpointCall> endpointCalls = new ArrayList<>();
    private final List<Integer> clientCloseCodes = new ArrayList<>();
    private final Set<String> tickets = new HashSet<>();
    private int endpointFailuresLeft;
    private int endpointFailureCode;
    private String endpointFailureMsg;
    private int refusalsLeft;
    private int refusalStatus;
    private int refusalAuthCode;
    private String refusalMsg;
    private int connectionsOpened;
    private int handshakesRefused;
    private int pings;
    private int redeliveries;
    private Instant firstConnectionAt;
    private Instant lastDeliveryAt;

    private LarkGateway(String appId, String appSecret, int port) throws InterruptedException {
        this.appId = appId;
        this.appSecret = appSecret;
        this.group = new MultiThreadIoEventLoopGroup(2, new DefaultThreadFactory("lark-gateway", true),
                NioIoHandler.newFactory());
        this.dispatcher = Executors.newSingleThreadScheduledExecutor(new DefaultThreadFactory("lark-gateway-dispatch",
                true));
        this.server = new ServerBootstrap()
                .group(group)
                .channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(MAX_MESSAGE),
                                new WebSocketFrameAggregator(MAX_MESSAGE), new Handler());
                    }
                })
                .bind("127.0.0.1", port).sync().channel();
        this.port = ((InetSocketAddress) server.localAddress()).getPort();
        dispatcher.scheduleWithFixedDelay(this::redeliverUnacked, 100, 100, TimeUnit.MILLISECONDS);
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
        return URI.create("http://127.0.0.1:" + port);
    }

    public int port() {
        return port;
    }

    // ---- configuration ----

    /** The ClientConfig for endpoint replies and pongs from now on. */
    public void policy(ClientPolicy policy) {
        synchronized (lock) {
            this.endpointPolicy = policy;
            this.pongPolicy = policy;
        }
    }

    /** The ClientConfig for pongs only, to see the client apply what pongs say. */
    public void pongPolicy(ClientPolicy policy) {
        synchronized (lock) {
            this.pongPolicy = policy;
        }
    }

    /** Credentials the endpoint accepts from now on. */
    public void credentials(String appId, String appSecret) {
        synchronized (lock) {
            this.appId = appId;
            this.appSecret = appSecret;
        }
    }

    public void redeliveryDelay(Duration delay) {
        synchronized (lock) {
            this.redeliveryDelay = delay;
        }
    }

    public void ackTimeout(Duration timeout) {
        synchronized (lock) {
            this.ackTimeout = timeout;
        }
    }

    /** The next {@code times} endpoint calls (-1: all, until changed) answer this code. */
    public void failEndpoint(int code, String msg, int times) {
        synchronized (lock) {
            endpointFailureCode = code;
            endpointFailureMsg = msg;
            endpointFailuresLeft = times;
        }
    }

    /** The next {@code times} upgrades (-1: all, until changed) are refused with these {@code handshake-*} headers. */
    public void refuseHandshakes(int status, int authErrCode, String msg, int times) {
        synchronized (lock) {
            refusalStatus = status;
            refusalAuthCode = authErrCode;
            refusalMsg = msg;
            refusalsLeft = times;
        }
    }

    // ---- events ----

    /** Publishes an event as one frame; returns its message id. */
    public String publish(String eventJson) {
        return publish(eventJson, 1);
    }

    /** Publishes an event split into {@code fragments} frames (seq 0..fragments-1). */
    public String publish(String eventJson, int fragments) {
        return add(eventJson.getBytes(StandardCharsets.UTF_8), fragments, Set.of(), true);
    }

    /**
     * Publishes a message whose fragments {@code withheld} are never sent: the client must drop it after its
     * fragment timeout, without an ack. It is never delivered again and does not count for {@link #awaitDelivered}.
     */
    public String publishIncomplete(String eventJson, int fragments, Integer... withheld) {
        return add(eventJson.getBytes(StandardCharsets.UTF_8), fragments, Set.of(withheld), false);
    }

    private String add(byte[] payload, int fragments, Set<Integer> withheld, boolean redeliver) {
        if (fragments < 1 || fragments > payload.length) {
            throw new IllegalArgumentException("fragments must be between 1 and the payload's length");
        }
        long n = messageIds.incrementAndGet();
        Message m = new Message("msg-" + n, "trace-" + n, payload, fragments, withheld, redeliver);
        synchronized (lock) {
            messages.put(m.id, m);
            pending.add(m);
        }
        kick();
        return m.id;
    }

    /** True once every published message (but incomplete ones) was acked 200, waiting at most {@code timeout}. */
    public boolean awaitDelivered(Duration timeout) {
        return Await.until(timeout, () -> undelivered() == 0);
    }

    public int undelivered() {
        synchronized (lock) {
            return (int) messages.values().stream().filter(m -> m.redeliver && !m.done).count();
        }
    }

    /** Published messages waiting to be sent (none is in flight); grows when the client stops reading. */
    public int unsent() {
        synchronized (lock) {
            return pending.size();
        }
    }

    /**
     * True when some open connection cannot take more frames: the socket's buffers are full because the client
     * does not read. A client that read everything into memory would never cause this.
     */
    public boolean backedUp() {
        return openSnapshot().stream().anyMatch(c -> !c.ch.isWritable());
    }

    public List<Ack> acks() {
        synchronized (lock) {
            return List.copyOf(acks);
        }
    }

    public List<Ack> acks(String messageId) {
        return acks().stream().filter(a -> messageId.equals(a.messageId())).toList();
    }

    /** How often a message was sent out (1 when it was never delivered again). */
    public int deliveries(String messageId) {
        synchronized (lock) {
            Message m = messages.get(messageId);
            return m == null ? 0 : m.deliveries;
        }
    }

    public int redeliveries() {
        synchronized (lock) {
            return redeliveries;
        }
    }

    // ---- connections ----

    public int openConnections() {
        synchronized (lock) {
            return open.size();
        }
    }

    /** Connections ever upgraded to a WebSocket. */
    public int connectionsOpened() {
        synchronized (lock) {
            return connectionsOpened;
        }
    }

    public int handshakesRefused() {
        synchronized (lock) {
            return handshakesRefused;
        }
    }

    /** Pings received, over all connections. */
    public int pings() {
        synchronized (lock) {
            return pings;
        }
    }

    /** Status codes of the Close frames the client sent. */
    public List<Integer> clientCloseCodes() {
        synchronized (lock) {
            return List.copyOf(clientCloseCodes);
        }
    }

    public List<EndpointCall> endpointCalls() {
        synchronized (lock) {
            return List.copyOf(endpointCalls);
        }
    }

    /** Ends every open connection abruptly: a TCP reset, no Close frame. */
    public void dropConnections() {
        for (Conn c : openSnapshot()) {
            c.ch.config().setOption(ChannelOption.SO_LINGER, 0);
            c.ch.close();
        }
    }

    /** Sends a Close frame on every open connection, as Lark does before a restart, then ends them. */
    public void closeConnections(int code, String reason) {
        for (Conn c : openSnapshot()) {
            c.closing = true;
            c.ch.writeAndFlush(new CloseWebSocketFrame(code, reason));
            // the client answers with its own Close; this only ends a client that does not
            c.ch.eventLoop().schedule(() -> c.ch.close(), 2, TimeUnit.SECONDS);
        }
    }

    /** The open connections fall silent, as dead ones do: no pong, no data. New connections behave. */
    public void silenceConnections() {
        for (Conn c : openSnapshot()) {
            c.silent = true;
        }
    }

    /** Counts for a person: deliveries, acks, connections. */
    public String summary() {
        synchronized (lock) {
            Map<Integer, Long> codes = acks.stream().collect(Collectors.groupingBy(Ack::code, Collectors.counting()));
            long delivered = messages.values().stream().filter(m -> m.done).count();
            String rate = "";
            if (firstConnectionAt != null && lastDeliveryAt != null && delivered > 0) {
                long ms = Math.max(1, Duration.between(firstConnectionAt, lastDeliveryAt).toMillis());
                rate = String.format(" in %d ms from the first connection (%.0f events/s)", ms, delivered * 1000.0 / ms);
            }
            return "published " + messages.size() + ", delivered " + delivered + rate + "; acks by code " + codes
                    + "; redeliveries " + redeliveries + "; connections opened " + connectionsOpened + ", open "
                    + open.size() + "; endpoint calls " + endpointCalls.size() + "; handshakes refused "
                    + handshakesRefused;
        }
    }

    @Override
    public void close() {
        dispatcher.shutdownNow();
        server.close().syncUninterruptibly();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    // ---- delivery ----

    private List<Conn> openSnapshot() {
        synchronized (lock) {
            return List.copyOf(open.values());
        }
    }

    private void kick() {
        if (dispatchQueued.compareAndSet(false, true)) {
            try {
                dispatcher.execute(() -> {
                    dispatchQueued.set(false);
                    dispatch();
                });
            } catch (java.util.concurrent.RejectedExecutionException e) {
                // closed
            }
        }
    }

    /** Sends a round of pending messages, each to a random open connection, fragments shuffled together. */
    private void dispatch() {
        Map<Conn, List<Frame>> out = new LinkedHashMap<>();
        synchronized (lock) {
            List<Conn> targets = open.values().stream()
                    .filter(c -> !c.silent && !c.closing && c.ch.isWritable()).toList();
            if (targets.isEmpty()) {
                return;
            }
            int sent = 0;
            while (!pending.isEmpty() && sent < BATCH) {
                Message m = pending.poll();
                if (m.done) {
                    continue;
                }
                Conn c = targets.get(ThreadLocalRandom.current().nextInt(targets.size()));
                m.sentOn = c;
                m.sentAt = System.nanoTime();
                m.deliveries++;
                out.computeIfAbsent(c, k -> new ArrayList<>()).addAll(frames(m, c));
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

    private List<Frame> frames(Message m, Conn c) {
        List<Frame> frames = new ArrayList<>();
        int size = m.payload.length / m.fragments;
        for (int seq = 0; seq < m.fragments; seq++) {
            if (m.withheld.contains(seq)) {
                continue;
            }
            int from = seq * size;
            int to = seq == m.fragments - 1 ? m.payload.length : from + size;
            frames.add(Frame.newBuilder()
                    .setSeqID(seqIds.incrementAndGet())
                    .setLogID(ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE))
                    .setService(c.serviceId)
                    .setMethod(1)
                    .addHeaders(header("type", "event"))
                    .addHeaders(header("message_id", m.id))
                    .addHeaders(header("sum", Integer.toString(m.fragments)))
                    .addHeaders(header("seq", Integer.toString(seq)))
                    .addHeaders(header("trace_id", m.traceId))
                    .setPayload(ByteString.copyFrom(Arrays.copyOfRange(m.payload, from, to)))
                    .build());
        }
        return frames;
    }

    private void acked(Conn c, Frame ack) {
        Frame original = c.sent.remove(ack.getSeqID());
        boolean echoes = original != null && ack.getLogID() == original.getLogID()
                && ack.getService() == original.getService() && ack.getMethod() == original.getMethod()
                && ack.getHeadersCount() > original.getHeadersCount()
                && ack.getHeadersList().subList(0, original.getHeadersCount()).equals(original.getHeadersList());
        String messageId = header(ack, "message_id");
        int code = code(ack.getPayload().toStringUtf8());
        synchronized (lock) {
            acks.add(new Ack(messageId, code, header(ack, "biz_rt"), echoes, c.id, Instant.now()));
            Message m = messageId == null ? null : messages.get(messageId);
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

    private void deliverAgain(Message m) {
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
            for (Message m : messages.values()) {
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

    private void connectionEnded(Conn c) {
        synchronized (lock) {
            open.remove(c.id);
            for (Message m : messages.values()) {
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

    // ---- protocol ----

    private final class Handler extends SimpleChannelInboundHandler<Object> {
        private Conn conn;

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, Object msg) {
            if (msg instanceof FullHttpRequest request) {
                http(ctx, request);
            } else if (msg instanceof WebSocketFrame frame && conn != null) {
                webSocket(ctx, frame);
            }
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            if (conn != null) {
                connectionEnded(conn);
            }
        }

        @Override
        public void channelWritabilityChanged(ChannelHandlerContext ctx) {
            kick();
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }

        private void http(ChannelHandlerContext ctx, FullHttpRequest request) {
            QueryStringDecoder uri = new QueryStringDecoder(request.uri());
            if (request.method().equals(HttpMethod.POST) && uri.path().equals(ENDPOINT_PATH)) {
                String locale = request.headers().get("locale");
                respondJson(ctx, endpoint(locale, request.content().toString(StandardCharsets.UTF_8)));
            } else if (request.method().equals(HttpMethod.GET) && uri.path().equals(WS_PATH)) {
                upgrade(ctx, request, uri);
            } else {
                respond(ctx, new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.NOT_FOUND));
            }
        }

        private void upgrade(ChannelHandlerContext ctx, FullHttpRequest request, QueryStringDecoder uri) {
            String ticket = first(uri, "ticket");
            int serviceId;
            synchronized (lock) {
                if (refusalsLeft != 0) {
                    if (refusalsLeft > 0) {
                        refusalsLeft--;
                    }
                    handshakesRefused++;
                    refuse(ctx, refusalStatus, refusalAuthCode, refusalMsg);
                    return;
                }
                if (ticket == null || !tickets.remove(ticket)) {
                    handshakesRefused++;
                    refuse(ctx, 403, 0, "invalid ticket");
                    return;
                }
                serviceId = Integer.parseInt(first(uri, "service_id"));
            }
            WebSocketServerHandshaker handshaker = new WebSocketServerHandshakerFactory(
                    "ws://127.0.0.1:" + port + WS_PATH, null, false, MAX_MESSAGE).newHandshaker(request);
            if (handshaker == null) {
                WebSocketServerHandshakerFactory.sendUnsupportedVersionResponse(ctx.channel());
                return;
            }
            Channel ch = ctx.channel();
            handshaker.handshake(ch, request).addListener(done -> {
                if (!done.isSuccess()) {
                    ch.close();
                    return;
                }
                synchronized (lock) {
                    conn = new Conn(++connectionsOpened, ch, serviceId, handshaker);
                    open.put(conn.id, conn);
                    if (firstConnectionAt == null) {
                        firstConnectionAt = Instant.now();
                    }
                }
                kick();
            });
        }

        private void webSocket(ChannelHandlerContext ctx, WebSocketFrame frame) {
            if (frame instanceof BinaryWebSocketFrame binary) {
                Frame f;
                try {
                    f = Frame.parseFrom(ByteBufUtil.getBytes(binary.content()));
                } catch (InvalidProtocolBufferException e) {
                    ctx.close();
                    return;
                }
                if (f.getMethod() == 0 && "ping".equals(header(f, "type"))) {
                    ping(ctx);
                } else if (f.getMethod() == 1) {
                    acked(conn, f);
                }
            } else if (frame instanceof CloseWebSocketFrame close) {
                synchronized (lock) {
                    clientCloseCodes.add(close.statusCode());
                }
                if (conn.closing) {
                    ctx.close();
                } else {
                    conn.handshaker.close(ctx.channel(), close.retain());
                }
            } else if (frame instanceof PingWebSocketFrame ping) {
                ctx.writeAndFlush(new PongWebSocketFrame(ping.content().retain()));
            }
        }

        private void ping(ChannelHandlerContext ctx) {
            String config;
            synchronized (lock) {
                pings++;
                config = pongPolicy.toJson().toString();
            }
            if (conn.silent) {
                return;
            }
            Frame pong = Frame.newBuilder().setSeqID(0).setLogID(0).setService(conn.serviceId).setMethod(0)
                    .addHeaders(header("type", "pong"))
                    .setPayload(ByteString.copyFromUtf8(config))
                    .build();
            ctx.writeAndFlush(new BinaryWebSocketFrame(Unpooled.wrappedBuffer(pong.toByteArray())));
        }
    }

    private JsonObject endpoint(String locale, String body) {
        String id = null;
        String secret = null;
        try {
            JsonElement json = JsonParser.parseString(body);
            if (json.isJsonObject()) {
                id = string(json.getAsJsonObject(), "AppID");
                secret = string(json.getAsJsonObject(), "AppSecret");
            }
        } catch (JsonParseException e) {
            // answered as wrong credentials below
        }
        JsonObject reply = new JsonObject();
        synchronized (lock) {
            boolean valid = appId.equals(id) && appSecret.equals(secret);
            endpointCalls.add(new EndpointCall(Instant.now(), locale, id, valid));
            if (endpointFailuresLeft != 0) {
                if (endpointFailuresLeft > 0) {
                    endpointFailuresLeft--;
                }
                reply.addProperty("code", endpointFailureCode);
                reply.addProperty("msg", endpointFailureMsg);
                return reply;
            }
            if (!valid) {
                reply.addProperty("code", BAD_CREDENTIALS);
                reply.addProperty("msg", "app_id or app_secret is invalid");
                return reply;
            }
            String ticket = UUID.randomUUID().toString();
            tickets.add(ticket);
            JsonObject data = new JsonObject();
            data.addProperty("URL", "ws://127.0.0.1:" + port + WS_PATH + "?device_id=" + UUID.randomUUID()
                    + "&service_id=" + serviceIds.incrementAndGet() + "&ticket=" + ticket);
            data.add("ClientConfig", endpointPolicy.toJson());
            reply.addProperty("code", 0);
            reply.addProperty("msg", "ok");
            reply.add("data", data);
            return reply;
        }
    }

    private static void refuse(ChannelHandlerContext ctx, int status, int authErrCode, String msg) {
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.FORBIDDEN);
        response.headers().set("handshake-status", Integer.toString(status));
        response.headers().set("handshake-msg", msg);
        response.headers().set("handshake-autherrcode", Integer.toString(authErrCode));
        respond(ctx, response);
    }

    private static void respondJson(ChannelHandlerContext ctx, JsonObject json) {
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK,
                Unpooled.copiedBuffer(json.toString(), StandardCharsets.UTF_8));
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/json; charset=utf-8");
        respond(ctx, response);
    }

    /** Every plain HTTP answer closes its connection: simple, and the client copes. */
    private static void respond(ChannelHandlerContext ctx, FullHttpResponse response) {
        response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, response.content().readableBytes());
        response.headers().set(HttpHeaderNames.CONNECTION, "close");
        ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
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

    private static String first(QueryStringDecoder uri, String name) {
        List<String> values = uri.parameters().get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    private static String string(JsonObject json, String name) {
        JsonElement e = json.get(name);
        return e != null && e.isJsonPrimitive() ? e.getAsString() : null;
    }

    private static Header header(String key, String value) {
        return Header.newBuilder().setKey(key).setValue(value).build();
    }

    private static String header(Frame frame, String key) {
        return frame.getHeadersList().stream().filter(h -> key.equals(h.getKey())).map(Header::getValue)
                .findFirst().orElse(null);
    }

    private static final class Message {
        final String id;
        final String traceId;
        final byte[] payload;
        final int fragments;
        final Set<Integer> withheld;
        final boolean redeliver;
        // guarded by the gateway's lock
        Conn sentOn;
        long sentAt;
        boolean done;
        int deliveries;

        Message(String id, String traceId, byte[] payload, int fragments, Set<Integer> withheld, boolean redeliver) {
            this.id = id;
            this.traceId = traceId;
            this.payload = payload;
            this.fragments = fragments;
            this.withheld = withheld;
            this.redeliver = redeliver;
        }
    }

    private static final class Conn {
        final int id;
        final Channel ch;
        final int serviceId;
        final WebSocketServerHandshaker handshaker;
        /** Data frames sent and not yet acked, by SeqID, to check that acks echo them. */
        final Map<Long, Frame> sent = new ConcurrentHashMap<>();
        volatile boolean silent;
        volatile boolean closing;

        Conn(int id, Channel ch, int serviceId, WebSocketServerHandshaker handshaker) {
            this.id = id;
            this.ch = ch;
            this.serviceId = serviceId;
            this.handshaker = handshaker;
        }
    }

    /**
     * A standalone gateway, for benchmarks: {@code --port 0 --app-id cli_bench --app-secret secret --events 10000
     * --fragment-every 10}. It prints its domain, publishes the events (alternately feedback and revocations, every
     * n-th in 3 fragments), prints a summary each second until all are delivered, then serves until stopped.
     */
    public static void main(String[] args) throws InterruptedException {
        Map<String, String> opts = new LinkedHashMap<>(Map.of("--port", "0", "--app-id", "cli_bench",
                "--app-secret", "bench-secret", "--events", "0", "--fragment-every", "10"));
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
        for (int i = 1; i <= events; i++) {
            String json = i % 2 == 0 ? LarkFixtures.feedback("bench-" + i, "fb-" + i)
                    : LarkFixtures.revocation("bench-" + i, "oav_" + i);
            gateway.publish(json, every > 0 && i % every == 0 ? 3 : 1);
        }
        while (events > 0 && !gateway.awaitDelivered(Duration.ofSeconds(1))) {
            System.out.println(gateway.summary());
        }
        System.out.println(gateway.summary());
        gateway.server.closeFuture().sync();
    }
}
