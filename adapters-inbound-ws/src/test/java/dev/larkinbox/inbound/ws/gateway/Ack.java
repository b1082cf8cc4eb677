package dev.larkinbox.inbound.ws.gateway;

import java.time.Instant;

/**
 * An acknowledgement the client sent back.
 *
 * @param code         the payload's {@code code} (200, 500), or -1 when the payload had none
 * @param bizRt        the {@code biz_rt} header (handling time, ms), or null when absent
 * @param echoesFrame  true when the ack repeats the acked frame's SeqID, LogID, service, method and headers
 * @param connectionId which of the gateway's connections carried it
 * @param data         the payload's {@code data} decoded from base64 (a card click's answer), or null when absent
 */
public record Ack(String messageId, int code, String bizRt, boolean echoesFrame, int connectionId, Instant at,
                  String data) {
}
