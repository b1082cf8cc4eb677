package dev.larkinbox.inbound.ws;

import com.lark.oapi.ws.pb.Pbbp2.Frame;

/**
 * One complete message from Lark, its fragments joined.
 *
 * @param connection the connection it came on, which carries its ack
 * @param frame      its (last) frame, sent back as the ack
 */
record ReceivedMessage(Connection connection, Frame frame, String messageId, byte[] payload) {
}
