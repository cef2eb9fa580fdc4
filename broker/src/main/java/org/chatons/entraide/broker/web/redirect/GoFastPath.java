package org.chatons.entraide.broker.web.redirect;

import io.micrometer.core.instrument.Timer;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.core.convert.ConversionService;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.netty.NettyHttpHeaders;
import io.micronaut.http.netty.channel.ChannelPipelineCustomizer;
import io.micronaut.http.server.HttpServerConfiguration;
import io.micronaut.http.server.netty.NettyServerCustomizer;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpHeadersFactory;
import io.netty.handler.codec.http.EmptyHttpHeaders;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpStatusClass;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.util.AsciiString;
import io.netty.util.ReferenceCountUtil;
import jakarta.inject.Singleton;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.chatons.entraide.broker.counting.Visit;
import org.chatons.entraide.broker.http.EveryAnswer;
import org.chatons.entraide.broker.metrics.BrokerMetrics;
import org.chatons.entraide.broker.metrics.HttpServerMetrics;
import org.chatons.entraide.broker.selection.Dispatcher;
import org.chatons.entraide.broker.selection.Pick;
import org.chatons.entraide.broker.web.Answers;
import org.chatons.entraide.broker.web.Locality;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET} and {@code HEAD /go/{service}} answered in Netty's pipeline, below Micronaut's router and filters, which
 * took more of a redirect's time than the choice itself (BENCHMARKS.md §3, "The /go fast path"). The decision is
 * {@link GoController}'s, made by the same code: {@link Redirects#visits()}, {@link Locality}, the
 * {@link Dispatcher}, the same metrics ({@code entraide_go_seconds} and {@code http_server_requests_seconds} under
 * {@code /go/{service}}), the same 302 and its headers ({@link Answers#redirect}); {@link EveryAnswer}, in front of
 * this handler, has turned a {@code HEAD} into a {@code GET} that says so and adds the security headers.
 *
 * <p>Only the plain case is answered here: an HTTP/1.1 keep-alive request for a service of the catalogue, with no
 * body, no {@code Origin}, {@code Upgrade}, {@code Expect} or {@code Content-Type}, an {@code Accept} that takes the
 * redirect, and no request of the connection still before Micronaut (answers leave in the order asked). Everything
 * else reaches Micronaut untouched: other paths, an unknown service, a prefetch (which counts nothing), a malformed
 * request. When the choice finds no host, the request goes on to {@link GoController} carrying that choice
 * ({@link NoHostFound}), which answers the refusal's page or problem as before, so nothing is chosen or counted twice.
 * Its own answers are flushed when the event loop has read every ready connection ({@link TurnFlush}).
 */
@Singleton
@Requires(beans = NettyServerCustomizer.Registry.class)
final class GoFastPath implements BeanCreatedEventListener<NettyServerCustomizer.Registry> {

    private static final Logger LOG = LoggerFactory.getLogger(GoFastPath.class);
    private static final String PREFIX = "/go/";
    private static final String NAME = "entraide-go";
    private static final AsciiString LOCATION = AsciiString.cached("Location");
    private static final AsciiString DATE = AsciiString.cached("Date");
    private static final AsciiString CACHE_CONTROL = AsciiString.cached("Cache-Control");
    private static final AsciiString REFERRER_POLICY = AsciiString.cached(Answers.REFERRER_POLICY);
    private static final AsciiString NO_STORE = AsciiString.cached(Answers.NO_STORE);
    private static final AsciiString NO_REFERRER = AsciiString.cached(Answers.NO_REFERRER);
    private static final AsciiString ZERO = AsciiString.cached("0");
    /** The 302's header names are the constants above, not checked again; their values still are (no CR, no LF). */
    private static final DefaultHttpHeadersFactory HEADERS =
            DefaultHttpHeadersFactory.headersFactory().withNameValidation(false);

    private final Redirects redirects;
    private final Dispatcher dispatcher;
    private final Locality locality;
    private final HttpServerMetrics httpMetrics;
    private final ConversionService conversion;
    private final HttpServerConfiguration server;
    /** Each event loop's answers of its current turn, flushed together. */
    private final Map<EventLoop, TurnFlush> turns = new ConcurrentHashMap<>();
    /** {@code http_server_requests_seconds} of the 302s, registered with the first, as the router's would be. */
    private volatile Timer found;

    GoFastPath(Redirects redirects, Dispatcher dispatcher, Locality locality, HttpServerMetrics httpMetrics,
               ConversionService conversion, HttpServerConfiguration server) {
        this.redirects = redirects;
        this.dispatcher = dispatcher;
        this.locality = locality;
        this.httpMetrics = httpMetrics;
        this.conversion = conversion;
        this.server = server;
    }

    @Override
    public NettyServerCustomizer.Registry onCreated(BeanCreatedEvent<NettyServerCustomizer.Registry> event) {
        event.getBean().register(new Customizer(null));
        return event.getBean();
    }

    /**
     * The 302 (a {@code FullHttpResponse}), a {@link NoHostFound}, or null for a request Micronaut answers; {@code peer}
     * is the connection's address (null when there is none).
     */
    Object answer(HttpRequest request, InetSocketAddress peer) {
        String uri = request.uri();
        if (!uri.startsWith(PREFIX) || !HttpMethod.GET.equals(request.method())
                || !HttpVersion.HTTP_1_1.equals(request.protocolVersion()) || !request.decoderResult().isSuccess()
                || !PlainGet.is(request)) {
            return null;
        }
        long start = System.nanoTime();
        int query = uri.indexOf('?');
        String path = query < 0 ? uri : uri.substring(0, query);
        String service = path.substring(PREFIX.length());
        Function<String, String> parameters = query < 0 ? name -> null : parameters(uri);
        if (!redirects.catalogue().contains(service) || parameters == null) {
            return null;
        }
        HttpHeaders headers = request.headers();
        Visit visit = redirects.visits().ofNavigation(EveryAnswer.wasHead(request),
                new NettyHttpHeaders(headers, conversion), peer);
        if (visit == Visit.PREFETCH) {
            return null;
        }
        Pick pick = dispatcher.pick(service, visit,
                locality.of(parameters, headers.get(HttpHeaderNames.ACCEPT_LANGUAGE)));
        if (!(pick instanceof Pick.Sent sent)) {
            redirects.metrics().go(service, BrokerMetrics.GoOutcome.NO_HOST, System.nanoTime() - start);
            return new NoHostFound(request, (Pick.NoHost) pick);
        }
        // As Micronaut logs each request it routes (the others go on to it): the method and the path, nothing else.
        LOG.trace("Request {} {}", request.method(), path);
        // Fresh headers, each added once (no lookup to replace one), and no trailers: the 302 has a length.
        DefaultFullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.FOUND,
                Unpooled.EMPTY_BUFFER, HEADERS.newHeaders(), EmptyHttpHeaders.INSTANCE);
        response.headers().add(LOCATION, sent.host().report().url()).add(DATE, redirects.date().now())
                .add(CACHE_CONTROL, NO_STORE).add(REFERRER_POLICY, NO_REFERRER)
                .add(HttpHeaderNames.CONTENT_LENGTH, ZERO);
        long nanos = System.nanoTime() - start;
        redirects.metrics().go(service, BrokerMetrics.GoOutcome.REDIRECT, nanos);
        Timer timer = found;
        if (timer == null) {
            timer = httpMetrics.timer(GoController.PATH, io.micronaut.http.HttpMethod.GET,
                    HttpResponseStatus.FOUND.code());
            found = timer;
        }
        timer.record(nanos, TimeUnit.NANOSECONDS);
        return response;
    }

    /** The query's parameters as Micronaut decodes them (the server's charset and limits), or null if it cannot. */
    private Function<String, String> parameters(String uri) {
        Map<String, List<String>> decoded;
        try {
            decoded = new QueryStringDecoder(new URI(uri), server.getDefaultCharset(), server.getMaxParams(),
                    server.isSemicolonIsNormalChar()).parameters();
        } catch (URISyntaxException | IllegalArgumentException e) {
            return null;
        }
        return name -> {
            List<String> values = decoded.get(name);
            return values == null || values.isEmpty() ? null : values.get(0);
        };
    }

    /** Adds a handler to each HTTP/1 connection's pipeline, after {@link EveryAnswer}'s (added before this one). */
    private final class Customizer implements NettyServerCustomizer, Ordered {

        private final Channel channel;

        Customizer(Channel channel) {
            this.channel = channel;
        }

        @Override
        public NettyServerCustomizer specializeForChannel(Channel channel, ChannelRole role) {
            return new Customizer(channel);
        }

        @Override
        public void onStreamPipelineBuilt() {
            if (channel.pipeline().get(HttpServerCodec.class) != null) {
                channel.pipeline().addBefore(ChannelPipelineCustomizer.HANDLER_MICRONAUT_INBOUND, NAME, new Handler());
            }
        }

        @Override
        public int getOrder() {
            return EveryAnswer.ORDER + 1;
        }
    }

    /** One connection's: what it answers itself, and whether Micronaut still owes it an answer. */
    final class Handler extends ChannelDuplexHandler {

        /** Requests passed on to Micronaut and not yet answered. */
        private int owed;
        /** The answer being written by Micronaut is a 1xx, after which the request's real answer comes. */
        private boolean informational;
        /** The rest of a request answered here (its empty last content) is to be dropped. */
        private boolean dropping;
        private boolean flush;
        private TurnFlush turn;

        @Override
        public void handlerAdded(ChannelHandlerContext ctx) {
            turn = turns.computeIfAbsent(ctx.channel().eventLoop(), TurnFlush::new);
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (dropping && msg instanceof HttpContent) {
                dropping = !(msg instanceof LastHttpContent);
                ReferenceCountUtil.release(msg);
                return;
            }
            Object forward = msg;
            if (msg instanceof HttpRequest request && !(msg instanceof HttpContent) && owed == 0
                    && ctx.channel().isWritable()) {
                Object answer = answer(request, ctx.channel().remoteAddress() instanceof InetSocketAddress peer
                        ? peer : null);
                if (answer instanceof HttpResponse) {
                    dropping = true;
                    flush = true;
                    ctx.write(answer);
                    return;
                }
                forward = answer == null ? msg : answer;
            }
            if (forward instanceof HttpRequest) {
                owed++;
            }
            ctx.fireChannelRead(forward);
        }

        @Override
        public void channelReadComplete(ChannelHandlerContext ctx) {
            if (flush) {
                flush = false;
                turn.add(ctx);
            }
            ctx.fireChannelReadComplete();
        }

        @Override
        public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
            if (msg instanceof HttpResponse response) {
                informational = response.status().codeClass() == HttpStatusClass.INFORMATIONAL;
            }
            if (msg instanceof LastHttpContent && !informational && owed > 0) {
                owed--;
            }
            ctx.write(msg, promise);
        }
    }
}
