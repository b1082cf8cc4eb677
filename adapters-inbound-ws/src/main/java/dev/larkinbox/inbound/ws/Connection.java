package dev.larkinbox.inbound.ws;

import com.lark.oapi.ws.pb.Pbbp2.Frame;
import java.io.ByteArrayOutputStream;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;

/**
 * One WebSocket to Lark's gateway. The JDK calls this listener for one message at a time and only when asked
 * ({@link WebSocket#request}); the client asks for the next message only once the last one found room, which is
 * how a full work queue stops the reading.
 */
final class Connection implements WebSocket.Listener {
    private final String host;
    private final int serviceId;
    private final FragmentJoiner fragments;
    private final BiConsumer<Connection, byte[]> onMessage;
    private final BiConsumer<Connection, String> onEnd;

    private final AtomicBoolean ended = new AtomicBoolean();
    private final CompletableFuture<Void> inputClosed = new CompletableFuture<>();
    private final AtomicLong pongs = new AtomicLong();
    /** A Lark frame may reach us in several WebSocket frames; only the listener's (sequential) calls touch it. */
    private final ByteArrayOutputStream message = new ByteArrayOutputStream();
    private volatile WebSocket socket;
    /** The JDK allows one outstanding send: every send waits for the previous one. Guarded by this. */
    private CompletableFuture<?> sends = CompletableFuture.completedFuture(null);

    Connection(String host, int serviceId, FragmentJoiner fragments, BiConsumer<Connection, byte[]> onMessage,
               BiConsumer<Connection, String> onEnd) {
        this.host = host;
        this.serviceId = serviceId;
        this.fragments = fragments;
        this.onMessage = onMessage;
        this.onEnd = onEnd;
    }

    String host() {
        return host;
    }

    int serviceId() {
        return serviceId;
    }

    FragmentJoiner fragments() {
        return fragments;
    }

    long pongs() {
        return pongs.get();
    }

    void pongReceived() {
        pongs.incrementAndGet();
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        socket = webSocket;
        webSocket.request(1);
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
        byte[] chunk = new byte[data.remaining()];
        data.get(chunk);
        message.writeBytes(chunk);
        if (!last) {
            webSocket.request(1);
            return null;
        }
        byte[] whole = message.toByteArray();
        message.reset();
        onMessage.accept(this, whole);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        inputClosed.complete(null);
        // Answer Lark's Close ourselves, after the acks already queued, and only then report the end: the client
        // drops the socket at once when told, which could otherwise cut off the answer.
        CompletableFuture<?> answered = chain(ws -> ws.sendClose(WebSocket.NORMAL_CLOSURE, ""));
        return answered.handle((r, e) -> {
            end("closed by Lark with code " + statusCode);
            return null;
        });
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        inputClosed.complete(null);
        end("connection failed: " + error.getClass().getSimpleName());
    }

    /** Reads the next message from the socket. */
    void requestNext() {
        WebSocket ws = socket;
        if (ws != null && !ended.get()) {
            ws.request(1);
        }
    }

    void send(Frame frame) {
        byte[] bytes = frame.toByteArray();
        chain(ws -> ws.sendBinary(ByteBuffer.wrap(bytes), true));
    }

    /**
     * Sends a Close frame after whatever is queued (the last acks), waits briefly for Lark's Close, then drops the
     * TCP connection whatever happened.
     */
    void close(Duration wait) {
        ended.set(true);
        WebSocket ws = socket;
        if (ws == null) {
            return;
        }
        CompletableFuture<?> closeSent = chain(s -> s.sendClose(WebSocket.NORMAL_CLOSURE, "client closing"));
        // Lark's Close must be read to finish the handshake: read everything now (data is dropped unacked).
        ws.request(Long.MAX_VALUE);
        try {
            closeSent.thenCombine(inputClosed, (a, b) -> b).get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            // not closed cleanly in time: aborted below
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        ws.abort();
    }

    /** Drops the TCP connection at once, without a Close frame: for a connection already dead or lost. */
    void abort() {
        ended.set(true);
        WebSocket ws = socket;
        if (ws != null) {
            ws.abort();
        }
    }

    private synchronized CompletableFuture<?> chain(java.util.function.Function<WebSocket, CompletableFuture<?>> op) {
        WebSocket ws = socket;
        sends = sends.handle((r, e) -> null)
                .thenCompose(x -> op.apply(ws))
                .whenComplete((r, e) -> {
                    if (e != null) {
                        end("send failed: " + rootName(e));
                    }
                });
        return sends;
    }

    private void end(String reason) {
        if (ended.compareAndSet(false, true)) {
            onEnd.accept(this, reason);
        }
    }

    private static String rootName(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName();
    }
}
