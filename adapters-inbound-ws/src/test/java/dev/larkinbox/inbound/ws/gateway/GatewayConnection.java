package dev.larkinbox.inbound.ws.gateway;

import com.lark.oapi.ws.pb.Pbbp2.Frame;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshaker;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** One WebSocket a client opened to the gateway. */
final class GatewayConnection {
    final int id;
    final Channel ch;
    final int serviceId;
    final WebSocketServerHandshaker handshaker;
    /** Data frames sent and not yet acked, by SeqID, to check that acks echo them. */
    final Map<Long, Frame> sent = new ConcurrentHashMap<>();
    /** Set by a fault script: no pongs, no data. */
    volatile boolean silent;
    /** Set by a fault script: the gateway sent a Close frame and sends nothing more. */
    volatile boolean closing;

    GatewayConnection(int id, Channel ch, int serviceId, WebSocketServerHandshaker handshaker) {
        this.id = id;
        this.ch = ch;
        this.serviceId = serviceId;
        this.handshaker = handshaker;
    }
}
