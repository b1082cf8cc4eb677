package dev.larkinbox.inbound.ws;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.lark.oapi.google.protobuf.InvalidProtocolBufferException;
import com.lark.oapi.ws.pb.Pbbp2.Frame;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads what Lark sends: pongs (counted, their ClientConfig applied) and data frames, joined into whole messages
 * and put on the {@link WorkQueue}. Called on the socket's thread, one message at a time per connection; it asks
 * for the next message itself, except while the work queue is full.
 */
final class FrameReader {
    private static final Logger log = LoggerFactory.getLogger(FrameReader.class);

    private final WorkQueue queue;
    private final Consumer<JsonObject> clientConfig;
    private final Duration fragmentTimeout;
    private final BooleanSupplier closed;

    FrameReader(WorkQueue queue, Consumer<JsonObject> clientConfig, Duration fragmentTimeout, BooleanSupplier closed) {
        this.queue = queue;
        this.clientConfig = clientConfig;
        this.fragmentTimeout = fragmentTimeout;
        this.closed = closed;
    }

    void received(Connection c, byte[] data) {
        Frame frame;
        try {
            frame = Frame.parseFrom(data);
        } catch (InvalidProtocolBufferException e) {
            log.warn("ignored a {}-byte message that is not a Lark frame", data.length);
            c.requestNext();
            return;
        }
        if (frame.getMethod() == Frames.METHOD_CONTROL) {
            if (Frames.TYPE_PONG.equals(Frames.header(frame, Frames.TYPE))) {
                c.pongReceived();
                pongConfig(frame);
            }
            c.requestNext();
            return;
        }
        if (frame.getMethod() != Frames.METHOD_DATA) {
            c.requestNext();
            return;
        }
        if (closed.getAsBoolean()) {
            // closing: take nothing more in; whatever is not acked, Lark delivers again
            return;
        }
        String messageId = Frames.header(frame, Frames.MESSAGE_ID);
        byte[] whole;
        try {
            whole = c.fragments().add(messageId, Frames.intHeader(frame, Frames.SUM, 1),
                    Frames.intHeader(frame, Frames.SEQ, 0), frame.getPayload().toByteArray(), System.nanoTime());
        } catch (IllegalArgumentException e) {
            log.warn("ignored a data frame of message {}: {}", messageId, e.getMessage());
            c.requestNext();
            return;
        }
        if (whole == null) {
            c.requestNext();
            return;
        }
        queue.put(new ReceivedMessage(c, frame, messageId, whole));
    }

    /** Forgets the connection's messages whose fragments did not all come in time, unacked. */
    void expireFragments(Connection c) {
        if (c == null) {
            return;
        }
        for (FragmentJoiner.Dropped d : c.fragments().expire(System.nanoTime())) {
            log.warn("message {} dropped unacked: {} of {} fragments arrived within {} ms; Lark delivers it again",
                    d.messageId(), d.received(), d.sum(), fragmentTimeout.toMillis());
        }
    }

    private void pongConfig(Frame pong) {
        if (pong.getPayload().isEmpty()) {
            return;
        }
        try {
            JsonElement json = JsonParser.parseString(pong.getPayload().toStringUtf8());
            if (json.isJsonObject()) {
                clientConfig.accept(json.getAsJsonObject());
            }
        } catch (JsonParseException e) {
            log.debug("ignored a pong whose client config is not JSON");
        }
    }
}
