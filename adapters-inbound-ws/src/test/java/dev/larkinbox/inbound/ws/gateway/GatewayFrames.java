package dev.larkinbox.inbound.ws.gateway;

import com.lark.oapi.ws.pb.Pbbp2.Frame;
import com.lark.oapi.ws.pb.Pbbp2.Header;

/** Headers of Lark's {@code pbbp2.Frame}, written here apart from the client's code so that it checks that code. */
final class GatewayFrames {
    private GatewayFrames() {
    }

    static Header header(String key, String value) {
        return Header.newBuilder().setKey(key).setValue(value).build();
    }

    static String header(Frame frame, String key) {
        return frame.getHeadersList().stream().filter(h -> key.equals(h.getKey())).map(Header::getValue)
                .findFirst().orElse(null);
    }
}
