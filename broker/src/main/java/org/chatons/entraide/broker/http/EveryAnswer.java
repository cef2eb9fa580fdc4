package org.chatons.entraide.broker.http;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.netty.channel.ChannelPipelineCustomizer;
import io.micronaut.http.server.netty.NettyServerCustomizer;
import io.netty.channel.Channel;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.util.AsciiString;
import jakarta.inject.Singleton;

/**
 * What every answer of the broker gets, pages, redirects, JSON, the stylesheet, errors and 404s alike, set in the
 * Netty pipeline in front of Micronaut rather than by a Micronaut filter, so that a {@code /go} redirect pays two
 * header writes and no filter (BENCHMARKS.md):
 * <ul>
 *     <li>the headers a public page should send: a {@code Content-Security-Policy} that allows nothing but the
 *     broker's own origin (no inline script, no framing, forms posted only to itself) and
 *     {@code X-Content-Type-Options: nosniff}; an answer that sets its own policy keeps it;</li>
 *     <li>a {@code HEAD} answered with the very headers of a {@code GET}: Micronaut skips encoding the body of a
 *     {@code HEAD}, so it answered with no type, no length and, for the stylesheet, no validator. Here a
 *     {@code HEAD} reaches Micronaut as a {@code GET}, and Netty's HTTP/1 codec, which remembers each request's
 *     method, writes the answer's headers without its body. The application can still tell: such a request
 *     carries {@link #HEAD_MARKER} ({@link #wasHead}), which a client cannot send itself (it is removed from
 *     every other request).</li>
 * </ul>
 */
@Singleton
@Requires(beans = NettyServerCustomizer.Registry.class)
public final class EveryAnswer implements BeanCreatedEventListener<NettyServerCustomizer.Registry> {

    /** Allows the broker's own origin only; nothing inline, no framing, forms sent to the broker only. */
    static final String POLICY = "default-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    /**
     * The order of the customizer that adds the handler: a customizer of a higher order adds its handler later, so
     * one placed before Micronaut's then comes after this one (and its answers go out through it).
     */
    public static final int ORDER = Ordered.LOWEST_PRECEDENCE - 1;
    /** Marks a request that came as a {@code HEAD} and is answered as a {@code GET}. */
    static final String HEAD_MARKER = "Entraide-Head";

    private static final AsciiString POLICY_VALUE = AsciiString.cached(POLICY);
    private static final AsciiString CONTENT_TYPE_OPTIONS = AsciiString.cached("x-content-type-options");
    private static final AsciiString NOSNIFF = AsciiString.cached("nosniff");
    private static final AsciiString MARKER = AsciiString.cached(HEAD_MARKER.toLowerCase());
    private static final AsciiString YES = AsciiString.cached("1");
    private static final String NAME = "entraide-every-answer";

    /** Whether the request came as a {@code HEAD}: a visit to count it is not. */
    public static boolean wasHead(HttpRequest<?> request) {
        return request.getMethod() == io.micronaut.http.HttpMethod.HEAD
                || request.getHeaders().contains(HEAD_MARKER);
    }

    /** The same, for a request read in the pipeline after this handler (as Netty has it). */
    public static boolean wasHead(io.netty.handler.codec.http.HttpRequest request) {
        return HttpMethod.HEAD.equals(request.method()) || request.headers().contains(MARKER);
    }

    EveryAnswer() {
    }

    @Override
    public NettyServerCustomizer.Registry onCreated(BeanCreatedEvent<NettyServerCustomizer.Registry> event) {
        event.getBean().register(new Customizer(null));
        return event.getBean();
    }

    /** Adds the handler to each connection's (HTTP/1) or stream's (HTTP/2) pipeline, before Micronaut's. */
    private record Customizer(Channel channel) implements NettyServerCustomizer, Ordered {

        @Override
        public int getOrder() {
            return ORDER;
        }

        @Override
        public NettyServerCustomizer specializeForChannel(Channel channel, ChannelRole role) {
            return new Customizer(channel);
        }

        @Override
        public void onStreamPipelineBuilt() {
            // Only an HTTP/1 codec drops the body of the answer to a HEAD: elsewhere a HEAD stays a HEAD.
            boolean http1 = channel.pipeline().get(HttpServerCodec.class) != null;
            channel.pipeline().addBefore(ChannelPipelineCustomizer.HANDLER_MICRONAUT_INBOUND, NAME,
                    http1 ? Handler.HTTP1 : Handler.OTHER);
        }
    }

    @ChannelHandler.Sharable
    static final class Handler extends ChannelDuplexHandler {

        static final Handler HTTP1 = new Handler(true);
        static final Handler OTHER = new Handler(false);

        private final boolean headAsGet;

        private Handler(boolean headAsGet) {
            this.headAsGet = headAsGet;
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (msg instanceof io.netty.handler.codec.http.HttpRequest request) {
                HttpHeaders headers = request.headers();
                if (headers.contains(MARKER)) {
                    headers.remove(MARKER);
                }
                if (headAsGet && HttpMethod.HEAD.equals(request.method())) {
                    request.setMethod(HttpMethod.GET);
                    headers.set(MARKER, YES);
                }
            }
            ctx.fireChannelRead(msg);
        }

        @Override
        public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
            if (msg instanceof HttpResponse response) {
                HttpHeaders headers = response.headers();
                if (!headers.contains(HttpHeaderNames.CONTENT_SECURITY_POLICY)) {
                    headers.set(HttpHeaderNames.CONTENT_SECURITY_POLICY, POLICY_VALUE);
                }
                headers.set(CONTENT_TYPE_OPTIONS, NOSNIFF);
            }
            ctx.write(msg, promise);
        }
    }
}
