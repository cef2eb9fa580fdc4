package org.chatons.entraide.broker.web.redirect;

import io.micronaut.http.server.netty.NettyHttpRequest;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.HttpRequest;
import org.chatons.entraide.broker.selection.Pick;

/**
 * A {@code /go} request that {@link GoFastPath} hands on to Micronaut with the choice it made for it, which found no
 * host: {@link GoController} answers the refusal from that choice instead of choosing again. Only the fast path
 * makes one; no client can send it.
 */
final class NoHostFound extends DefaultHttpRequest {

    private final Pick.NoHost none;

    NoHostFound(HttpRequest request, Pick.NoHost none) {
        super(request.protocolVersion(), request.method(), request.uri(), request.headers());
        this.none = none;
    }

    /** The choice the request carries, or null for any other request. */
    static Pick.NoHost of(io.micronaut.http.HttpRequest<?> request) {
        return request instanceof NettyHttpRequest<?> netty && netty.getNativeRequest() instanceof NoHostFound found
                ? found.none : null;
    }
}
