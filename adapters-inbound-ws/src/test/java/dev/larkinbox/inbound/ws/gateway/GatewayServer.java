package dev.larkinbox.inbound.ws.gateway;

import static dev.larkinbox.inbound.ws.gateway.GatewayFrames.header;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.lark.oapi.google.protobuf.ByteString;
import com.lark.oapi.google.protobuf.InvalidProtocolBufferException;
import com.lark.oapi.ws.pb.Pbbp2.Frame;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
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
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The gateway's server on 127.0.0.1, speaking Lark's protocol: the endpoint call ({@code POST
 * /callback/ws/endpoint}) that hands out a one-time connection ticket, the WebSocket upgrade, pings answered by
 * pongs carrying the ClientConfig, and acks passed to the {@link DeliveryBook}. It records what the client did:
 * endpoint calls, upgrades refused, pings, Close frames.
 */
final class GatewayServer {
    private static final String WS_PATH = "/ws";
    private static final int MAX_MESSAGE = 16 * 1024 * 1024;

    private final DeliveryBook book;
    private final FaultScripts faults;
    private final EventLoopGroup group;
    private final Channel server;
    private final int port;
    private final AtomicLong serviceIds = new AtomicLong(1000);

    private final Object lock = new Object();
    // guarded by lock
    private String appId;
    private String appSecret;
    private ClientPolicy endpointPolicy = ClientPolicy.FAST;
    private ClientPolicy pongPolicy = ClientPolicy.FAST;
    private final List<EndpointCall> endpointCalls = new ArrayList<>();
    private final List<Integer> clientCloseCodes = new ArrayList<>();
    private final Set<String> tickets = new HashSet<>();
    private int connectionsOpened;
    private int handshakesRefused;
    private int pings;

    GatewayServer(String appId, String appSecret, int port, DeliveryBook book, FaultScripts faults)
            throws InterruptedException {
        this.appId = appId;
        this.appSecret = appSecret;
        this.book = book;
        this.faults = faults;
        this.group = new MultiThreadIoEventLoopGroup(2, new DefaultThreadFactory("lark-gateway", true),
                NioIoHandler.newFactory());
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
    }

    int port() {
        return port;
    }

    void policy(ClientPolicy policy) {
        synchronized (lock) {
            this.endpointPolicy = policy;
            this.pongPolicy = policy;
        }
    }

    void pongPolicy(ClientPolicy policy) {
        synchronized (lock) {
            this.pongPolicy = policy;
        }
    }

    void credentials(String appId, String appSecret) {
        synchronized (lock) {
            this.appId = appId;
            this.appSecret = appSecret;
        }
    }

    int connectionsOpened() {
        synchronized (lock) {
            return connectionsOpened;
        }
    }

    int handshakesRefused() {
        synchronized (lock) {
            return handshakesRefused;
        }
    }

    int pings() {
        synchronized (lock) {
            return pings;
        }
    }

    List<Integer> clientCloseCodes() {
        synchronized (lock) {
            return List.copyOf(clientCloseCodes);
        }
    }

    List<EndpointCall> endpointCalls() {
        synchronized (lock) {
            return List.copyOf(endpointCalls);
        }
    }

    /** Waits until the server is closed: a standalone gateway serves until the process is stopped. */
    void awaitClosed() throws InterruptedException {
        server.closeFuture().sync();
    }

    void close() {
        server.close().syncUninterruptibly();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    private final class Handler extends SimpleChannelInboundHandler<Object> {
        private GatewayConnection conn;

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
                book.connectionEnded(conn);
            }
        }

        @Override
        public void channelWritabilityChanged(ChannelHandlerContext ctx) {
            book.kick();
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }

        private void http(ChannelHandlerContext ctx, FullHttpRequest request) {
            QueryStringDecoder uri = new QueryStringDecoder(request.uri());
            if (request.method().equals(HttpMethod.POST) && uri.path().equals(LarkGateway.ENDPOINT_PATH)) {
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
                Optional<FaultScripts.Refusal> refusal = faults.handshakeRefusal();
                if (refusal.isPresent()) {
                    handshakesRefused++;
                    refuse(ctx, refusal.get().status(), refusal.get().authErrCode(), refusal.get().msg());
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
                    conn = new GatewayConnection(++connectionsOpened, ch, serviceId, handshaker);
                }
                book.connected(conn);
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
                    book.acked(conn, f);
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
            Optional<JsonObject> failure = faults.endpointFailure();
            if (failure.isPresent()) {
                return failure.get();
            }
            if (!valid) {
                reply.addProperty("code", LarkGateway.BAD_CREDENTIALS);
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

    private static String first(QueryStringDecoder uri, String name) {
        List<String> values = uri.parameters().get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    private static String string(JsonObject json, String name) {
        JsonElement e = json.get(name);
        return e != null && e.isJsonPrimitive() ? e.getAsString() : null;
    }
}
