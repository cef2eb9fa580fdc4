package org.chatons.entraide.broker.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chatons.entraide.broker.Fixtures.host;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.chatons.entraide.broker.BrokerTestBase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What every answer carries, pages, redirects, JSON, the stylesheet, errors and 404s alike: the security headers,
 * and for a HEAD exactly the headers of a GET. Pins what {@link EveryAnswer} does in Netty's pipeline, so that a
 * Micronaut upgrade that changes it fails here.
 */
@MicronautTest
class EveryAnswerTest extends BrokerTestBase {

    static final String BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
    /** Headers that differ between any two answers: the time, and the host a redirect chose. */
    static final List<String> MOVING = List.of("date", "expires", "location");

    @BeforeEach
    void federation() {
        report("alpha", host("alpha", "pad-1", "pad", 10, 100), host("alpha", "visio-1", "visio", 95, 100));
    }

    java.net.http.HttpResponse<String> send(String method, String path, String accept) {
        var request = request(path).method(method, java.net.http.HttpRequest.BodyPublishers.noBody());
        if (accept != null) {
            request.header("Accept", accept);
        }
        return send(request);
    }

    static Map<String, List<String>> stable(java.net.http.HttpResponse<?> response) {
        return response.headers().map().entrySet().stream().filter(e -> !MOVING.contains(e.getKey().toLowerCase()))
                .collect(Collectors.toMap(e -> e.getKey().toLowerCase(), Map.Entry::getValue, (a, b) -> a,
                        TreeMap::new));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/services/pad", "/go/pad", "/go/visio", "/services/nope", "/static/style.css",
            "/api/v1/services", "/api/v1/services/pad/hosts", "/api/v1/services/pad/pick?near=nowhere",
            "/health", "/prometheus", "/nope"})
    void everyAnswerHasTheSecurityHeadersAndAHeadHasTheHeadersOfAGet(String path) {
        for (String accept : new String[] {BROWSER, null}) {
            var get = send("GET", path, accept);
            var head = send("HEAD", path, accept);

            assertThat(get.headers().firstValue("Content-Security-Policy")).as(path)
                    .hasValue("default-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'");
            assertThat(get.headers().firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
            assertThat(head.statusCode()).as(path).isEqualTo(get.statusCode());
            assertThat(head.body()).as(path).isEmpty();
            Map<String, List<String>> expected = stable(get);
            if (path.equals("/prometheus")) {
                // The metrics move between two scrapes, and their length with them.
                assertThat(stable(head).remove("content-length")).isNotEmpty();
                expected.remove("content-length");
                assertThat(stable(head)).as("HEAD %s", path).containsAllEntriesOf(expected);
                continue;
            }
            assertThat(stable(head)).as("HEAD %s", path).isEqualTo(expected);
        }
    }

    @Test
    void theStylesheetAnswersAHeadWithItsTypeLengthAndValidator() {
        var head = send("HEAD", "/static/style.css", null);
        var get = send("GET", "/static/style.css", null);

        assertThat(head.headers().firstValue("Content-Type")).hasValue("text/css");
        assertThat(head.headers().firstValue("Content-Length")).hasValue(Integer.toString(get.body().length()));
        assertThat(head.headers().firstValue("Last-Modified")).isPresent();
        assertThat(head.headers().firstValue("Connection")).isEmpty();
    }

    @Test
    void aReportRefusedAndAnAnswerWithABodyCarryThemToo() {
        var refused = post("/api/v1/reports", null, "application/json", "{}");

        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(refused.headers().firstValue("Content-Security-Policy")).isPresent();
    }

    @Test
    void aHeadReachesTheApplicationAsAGetThatSaysItWasAHeadAndNoClientCanForgeThat() {
        EmbeddedChannel channel = new EmbeddedChannel(EveryAnswer.Handler.HTTP1);

        channel.writeInbound(new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.HEAD, "/static/style.css"));
        HttpRequest head = channel.readInbound();
        DefaultFullHttpRequest forged = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, "/go/pad");
        forged.headers().set(EveryAnswer.HEAD_MARKER, "1");
        channel.writeInbound(forged);
        HttpRequest get = channel.readInbound();

        assertThat(head.method()).isEqualTo(HttpMethod.GET);
        assertThat(head.headers().get(EveryAnswer.HEAD_MARKER)).isEqualTo("1");
        assertThat(get.headers().contains(EveryAnswer.HEAD_MARKER)).isFalse();
        channel.finishAndReleaseAll();
        // What the application sees of it.
        assertThat(EveryAnswer.wasHead(io.micronaut.http.HttpRequest.GET("/go/pad").header(EveryAnswer.HEAD_MARKER, "1")))
                .isTrue();
        assertThat(EveryAnswer.wasHead(io.micronaut.http.HttpRequest.HEAD("/go/pad"))).isTrue();
        assertThat(EveryAnswer.wasHead(io.micronaut.http.HttpRequest.GET("/go/pad"))).isFalse();
    }

    @Test
    void anAnswerThatSetsItsOwnPolicyKeepsIt() {
        EmbeddedChannel channel = new EmbeddedChannel(EveryAnswer.Handler.OTHER);
        var own = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
        own.headers().set("Content-Security-Policy", "default-src 'none'");

        channel.writeOutbound(own);
        HttpResponse written = channel.readOutbound();

        assertThat(written.headers().get("Content-Security-Policy")).isEqualTo("default-src 'none'");
        assertThat(written.headers().get("X-Content-Type-Options")).isEqualTo("nosniff");
        // Where no HTTP/1 codec drops a HEAD's body, a HEAD stays a HEAD.
        channel.writeInbound(new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.HEAD, "/"));
        assertThat(((HttpRequest) channel.readInbound()).method()).isEqualTo(HttpMethod.HEAD);
        channel.finishAndReleaseAll();
    }
}
