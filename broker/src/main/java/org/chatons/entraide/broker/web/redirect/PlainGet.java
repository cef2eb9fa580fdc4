package org.chatons.entraide.broker.web.redirect;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpUtil;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The requests {@link GoFastPath} may answer itself: no body, no cross-origin or protocol business, nothing
 * Micronaut refuses before {@link GoController}. An offer of HTTP/2 ({@code Upgrade: h2c}, which Java's HTTP client
 * makes on every request) is declined by Micronaut unless HTTP/2 is configured, and then Netty's upgrade handler
 * takes it before the fast path.
 */
final class PlainGet {

    /** The media ranges an {@code Accept} may name for Micronaut to route the request to {@link GoController}. */
    private static final Set<String> ACCEPTED =
            Set.of("*/*", "text/html", "application/json", "application/problem+json");

    private PlainGet() {
    }

    static boolean is(HttpRequest request) {
        HttpHeaders headers = request.headers();
        String length = headers.get(HttpHeaderNames.CONTENT_LENGTH);
        String upgrade = headers.get(HttpHeaderNames.UPGRADE);
        return HttpUtil.isKeepAlive(request) && (length == null || length.equals("0"))
                && !headers.contains(HttpHeaderNames.TRANSFER_ENCODING) && !headers.contains(HttpHeaderNames.ORIGIN)
                && (upgrade == null || upgrade.equalsIgnoreCase("h2c")) && !headers.contains(HttpHeaderNames.EXPECT)
                && !headers.contains(HttpHeaderNames.CONTENT_TYPE) && accepts(headers.getAll(HttpHeaderNames.ACCEPT));
    }

    private static boolean accepts(List<String> accept) {
        if (accept.isEmpty()) {
            return true;
        }
        for (String header : accept) {
            for (String range : header.split(",")) {
                int parameters = range.indexOf(';');
                if (ACCEPTED.contains((parameters < 0 ? range : range.substring(0, parameters)).strip()
                        .toLowerCase(Locale.ROOT))) {
                    return true;
                }
            }
        }
        return false;
    }
}
