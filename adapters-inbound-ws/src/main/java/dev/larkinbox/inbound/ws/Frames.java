package dev.larkinbox.inbound.ws;

import com.lark.oapi.google.protobuf.ByteString;
import com.lark.oapi.ws.pb.Pbbp2.Frame;
import com.lark.oapi.ws.pb.Pbbp2.Header;

/** The frames of Lark's long-connection protocol (protobuf {@code pbbp2.Frame}). */
final class Frames {
    static final int METHOD_CONTROL = 0;
    static final int METHOD_DATA = 1;

    static final String TYPE = "type";
    static final String MESSAGE_ID = "message_id";
    static final String SUM = "sum";
    static final String SEQ = "seq";
    static final String BIZ_RT = "biz_rt";

    static final String TYPE_PING = "ping";
    static final String TYPE_PONG = "pong";

    private Frames() {
    }

    /** The value of the first header of that name, or null. */
    static String header(Frame frame, String key) {
        for (Header h : frame.getHeadersList()) {
            if (key.equals(h.getKey())) {
                return h.getValue();
            }
        }
        return null;
    }

    /** A header read as a number; {@code fallback} when absent or not a number. */
    static int intHeader(Frame frame, String key, int fallback) {
        String value = header(frame, key);
        if (value == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    static Frame ping(int serviceId) {
        // SeqID and LogID are required fields of the proto2 message: zero, as Lark's SDKs send them.
        return Frame.newBuilder()
                .setSeqID(0)
                .setLogID(0)
                .setService(serviceId)
                .setMethod(METHOD_CONTROL)
                .addHeaders(Header.newBuilder().setKey(TYPE).setValue(TYPE_PING))
                .build();
    }

    /** The received frame sent back, as the protocol asks, with the handling time and the answer. */
    static Frame ack(Frame received, Acknowledgement answer, long handlingMillis) {
        return received.toBuilder()
                .addHeaders(Header.newBuilder().setKey(BIZ_RT).setValue(Long.toString(handlingMillis)))
                .setPayload(ByteString.copyFromUtf8(answer.payload()))
                .build();
    }
}
