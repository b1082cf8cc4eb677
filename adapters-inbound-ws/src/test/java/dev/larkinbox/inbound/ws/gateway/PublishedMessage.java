package dev.larkinbox.inbound.ws.gateway;

import static dev.larkinbox.inbound.ws.gateway.GatewayFrames.header;

import com.lark.oapi.google.protobuf.ByteString;
import com.lark.oapi.ws.pb.Pbbp2.Frame;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.LongSupplier;

/**
 * A message published to the gateway, and how it is sent: in {@code fragments} frames (seq 0..fragments-1), some
 * of them perhaps {@code withheld} (never sent), as a fault for the client's fragment timeout.
 */
final class PublishedMessage {
    final String id;
    final String traceId;
    final byte[] payload;
    final int fragments;
    final Set<Integer> withheld;
    /** False for a message that can never be complete: it is not delivered again nor awaited. */
    final boolean redeliver;
    // guarded by the delivery book's lock
    GatewayConnection sentOn;
    long sentAt;
    boolean done;
    int deliveries;

    PublishedMessage(String id, String traceId, byte[] payload, int fragments, Set<Integer> withheld,
                     boolean redeliver) {
        if (fragments < 1 || fragments > payload.length) {
            throw new IllegalArgumentException("fragments must be between 1 and the payload's length");
        }
        this.id = id;
        this.traceId = traceId;
        this.payload = payload;
        this.fragments = fragments;
        this.withheld = withheld;
        this.redeliver = redeliver;
    }

    /** The data frames to send on a connection of this service, but the withheld ones. */
    List<Frame> frames(int serviceId, LongSupplier seqIds) {
        List<Frame> frames = new ArrayList<>();
        int size = payload.length / fragments;
        for (int seq = 0; seq < fragments; seq++) {
            if (withheld.contains(seq)) {
                continue;
            }
            int from = seq * size;
            int to = seq == fragments - 1 ? payload.length : from + size;
            frames.add(Frame.newBuilder()
                    .setSeqID(seqIds.getAsLong())
                    .setLogID(ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE))
                    .setService(serviceId)
                    .setMethod(1)
                    .addHeaders(header("type", "event"))
                    .addHeaders(header("message_id", id))
                    .addHeaders(header("sum", Integer.toString(fragments)))
                    .addHeaders(header("seq", Integer.toString(seq)))
                    .addHeaders(header("trace_id", traceId))
                    .setPayload(ByteString.copyFrom(Arrays.copyOfRange(payload, from, to)))
                    .build());
        }
        return frames;
    }
}
