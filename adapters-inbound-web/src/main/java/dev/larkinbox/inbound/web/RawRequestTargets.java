package dev.larkinbox.inbound.web;

import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.http.netty.channel.ChannelPipelineCustomizer;
import io.micronaut.http.server.netty.NettyServerCustomizer;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpRequest;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * Percent-encodes what a client sent raw in a request's target, such as {@code /api/feedback?q=白屏} typed into a
 * tool that does not encode it. Netty reads the target's bytes one char each; Micronaut cannot make a URI of such
 * chars and answers in place of the request as if {@code /} had been asked for, so the sign-in page's filter sent an
 * API client with a valid token to sign in. Encoding each byte as {@code %XX} gives the target its client meant, the
 * same as the encoded form, before Micronaut reads it. Repeated slashes in the path are read as one, as most web
 * servers do: {@code //dashboard} is the page {@code /dashboard}, which asks for a session, not a path no route knows.
 */
@Singleton
public class RawRequestTargets implements BeanCreatedEventListener<NettyServerCustomizer.Registry> {
    private static final String HANDLER = "raw-request-target-encoder";
    private static final Encoder ENCODER = new Encoder();
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();
    private static final Pattern REPEATED_SLASHES = Pattern.compile("/{2,}");
    /** What may stand unencoded in a request target: RFC 3986's unreserved and reserved characters, and '%'. */
    private static final String ALLOWED = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
            + "-._~:/?#[]@!$&'()*+,;=%";

    @Override
    public NettyServerCustomizer.Registry onCreated(BeanCreatedEvent<NettyServerCustomizer.Registry> event) {
        event.getBean().register(new Customizer(null));
        return event.getBean();
    }

    /** The target as a URI can hold it: unchanged when it already can (the usual case), without a copy. */
    static String encoded(String target) {
        if (target.chars().allMatch(c -> ALLOWED.indexOf(c) >= 0)) {
            return target;
        }
        StringBuilder out = new StringBuilder(target.length() * 3);
        for (byte b : target.getBytes(StandardCharsets.ISO_8859_1)) { // one byte a char, as Netty read them
            char c = (char) (b & 0xFF);
            if (ALLOWED.indexOf(c) >= 0) {
                out.append(c);
            } else {
                out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
            }
        }
        return out.toString();
    }

    /** The target {@link #encoded(String) encoded}, its path's runs of slashes made one. */
    static String normalized(String target) {
        String encoded = encoded(target);
        int query = encoded.indexOf('?');
        String path = query < 0 ? encoded : encoded.substring(0, query);
        if (!path.startsWith("/") || !path.contains("//")) {
            return encoded;
        }
        return REPEATED_SLASHES.matcher(path).replaceAll("/") + (query < 0 ? "" : encoded.substring(query));
    }

    private record Customizer(Channel channel) implements NettyServerCustomizer {
        @Override
        public NettyServerCustomizer specializeForChannel(Channel channel, ChannelRole role) {
            return new Customizer(channel);
        }

        @Override
        public void onStreamPipelineBuilt() {
            if (channel.pipeline().get(ChannelPipelineCustomizer.HANDLER_MICRONAUT_INBOUND) != null) {
                channel.pipeline().addBefore(ChannelPipelineCustomizer.HANDLER_MICRONAUT_INBOUND, HANDLER, ENCODER);
            }
        }
    }

    @ChannelHandler.Sharable
    private static final class Encoder extends ChannelInboundHandlerAdapter {
        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (msg instanceof HttpRequest request) {
                request.setUri(normalized(request.uri()));
            }
            ctx.fireChannelRead(msg);
        }
    }
}
