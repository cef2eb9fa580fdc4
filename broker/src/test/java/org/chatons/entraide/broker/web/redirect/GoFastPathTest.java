package org.chatons.entraide.broker.web.redirect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chatons.entraide.broker.Fixtures.closed;
import static org.chatons.entraide.broker.Fixtures.host;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.chatons.entraide.broker.BrokerTestBase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link GoFastPath}: which requests it answers in Netty's pipeline and which it leaves to Micronaut, and that what it
 * leaves, or hands on, is answered as before. What its answers carry is pinned by the tests of {@code /go} themselves
 * ({@code RedirectFlowTest}, {@code EveryAnswerTest}, {@code MetricsTest}, the counting tests), whose client's
 * requests it answers (the first test here).
 */
@MicronautTest
class GoFastPathTest extends BrokerTestBase {

    static final String NO_HOST = "entraide_no_eligible_host_total{service=\"visio\"}";
    static final String GO_NO_HOST = "entraide_go_seconds_count{outcome=\"no_host\",service=\"visio\"}";
    static final String LAST = "GET /health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";

    @Inject
    GoFastPath fast;

    @BeforeEach
    void federation() {
        report("alpha", host("alpha", "pad-1", "pad", 10, 100), closed(host("alpha", "visio-1", "visio", 0, 100)));
    }

    static HttpRequest netty(String uri, String... headers) {
        HttpRequest request = new DefaultHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, uri);
        for (int i = 0; i < headers.length; i += 2) {
            request.headers().add(headers[i], headers[i + 1]);
        }
        return request;
    }

    @Test
    void theRequestsOfTheTestsClientAreAnsweredInThePipeline() {
        EmbeddedChannel channel = new EmbeddedChannel(fast.new Handler());
        // What java.net.http sends for a GET: an offer of HTTP/2 that Micronaut declines, and no body.
        channel.writeInbound(netty("/go/pad", "Connection", "Upgrade, HTTP2-Settings", "Content-Length", "0",
                "HTTP2-Settings", "AAEAAEAAAAIAAAAAAAMAAAAAAAQBAAAAAAUAAEAAAAYABgAA", "Upgrade", "h2c"),
                LastHttpContent.EMPTY_LAST_CONTENT);

        assertThat((Object) channel.readInbound()).as("nothing left for Micronaut").isNull();
        FullHttpResponse answer = channel.readOutbound();
        assertThat(answer.status()).isEqualTo(HttpResponseStatus.FOUND);
        assertThat(answer.headers().get("Location")).isEqualTo("https://pad-1.alpha.example.org/");
        assertThat(answer.headers().get("Cache-Control")).isEqualTo("no-store");
        assertThat(answer.headers().get("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(answer.headers().get("Content-Length")).isEqualTo("0");
        channel.finishAndReleaseAll();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/services/pad", "/go/nope", "/go/pad/", "/go/p%61d", "/go/visio/room", "/go/pad#Origin",
            "/go/pad#Connection", "/go/pad#Accept", "/go/pad#Sec-Purpose", "/go/pad#Content-Length", "/go/pad#POST"})
    void everyOtherRequestReachesMicronautAsItCame(String what) {
        EmbeddedChannel channel = new EmbeddedChannel(fast.new Handler());
        String[] parts = what.split("#");
        HttpRequest request = netty(parts[0]);
        switch (parts.length == 1 ? "" : parts[1]) {
            case "Origin" -> request.headers().set("Origin", "https://elsewhere.example");
            case "Connection" -> request.headers().set("Connection", "close");
            case "Accept" -> request.headers().set("Accept", "text/plain");
            case "Sec-Purpose" -> request.headers().set("Sec-Purpose", "prefetch");
            case "Content-Length" -> request.headers().set("Content-Length", "5");
            case "POST" -> request.setMethod(HttpMethod.POST);
            default -> {
            }
        }

        channel.writeInbound(request);

        assertThat((Object) channel.readInbound()).isSameAs(request);
        assertThat((Object) channel.readOutbound()).isNull();
        channel.finishAndReleaseAll();
    }

    @Test
    void anAnswerLeavesOnceTheEventLoopHasReadEveryReadyConnection() {
        EmbeddedChannel channel = new EmbeddedChannel(fast.new Handler());
        // A test channel runs its loop's tasks when it reads again: the loop's turn would end at once.
        channel.config().setAutoRead(false);
        channel.pipeline().fireChannelRead(netty("/go/pad"));
        channel.pipeline().fireChannelRead(LastHttpContent.EMPTY_LAST_CONTENT);
        channel.pipeline().fireChannelReadComplete();
        assertThat(channel.outboundMessages()).as("written, not flushed while the turn reads").isEmpty();

        channel.runPendingTasks();

        assertThat(((FullHttpResponse) channel.readOutbound()).status()).isEqualTo(HttpResponseStatus.FOUND);
        channel.finishAndReleaseAll();
    }

    @Test
    void whileMicronautOwesAnAnswerTheNextRequestWaitsForItThere() {
        EmbeddedChannel channel = new EmbeddedChannel(fast.new Handler());
        HttpRequest page = netty("/services/pad");
        HttpRequest go = netty("/go/pad");

        channel.writeInbound(page, LastHttpContent.EMPTY_LAST_CONTENT, go, LastHttpContent.EMPTY_LAST_CONTENT);
        assertThat((Object) channel.readInbound()).isSameAs(page);
        assertThat((Object) channel.readInbound()).isSameAs(LastHttpContent.EMPTY_LAST_CONTENT);
        assertThat((Object) channel.readInbound()).as("behind the page, in order").isSameAs(go);
        channel.readInbound();
        // Both answered: the next one is answered in the pipeline again.
        channel.writeOutbound(new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK),
                new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.FOUND));
        channel.outboundMessages().clear();
        channel.writeInbound(netty("/go/pad"), LastHttpContent.EMPTY_LAST_CONTENT);

        assertThat((Object) channel.readInbound()).isNull();
        assertThat(((FullHttpResponse) channel.readOutbound()).status()).isEqualTo(HttpResponseStatus.FOUND);
        channel.finishAndReleaseAll();
    }

    @Test
    void aRefusalIsChosenAndCountedOnceThenAnsweredByTheControllerAsBefore() {
        EmbeddedChannel channel = new EmbeddedChannel(fast.new Handler());
        channel.writeInbound(netty("/go/visio"));
        assertThat((Object) channel.readInbound()).isInstanceOf(NoHostFound.class);
        channel.finishAndReleaseAll();
        String before = get("/prometheus").body();

        var program = get("/go/visio");
        var browser = send(request("/go/visio").header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8"));

        assertThat(program.statusCode()).isEqualTo(503);
        assertThat(program.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(program.headers().firstValue("Retry-After")).hasValue("30");
        assertThat(browser.statusCode()).isEqualTo(503);
        assertThat(browser.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        String after = get("/prometheus").body();
        assertThat(value(after, NO_HOST) - value(before, NO_HOST)).isEqualTo(2);
        assertThat(value(after, GO_NO_HOST) - value(before, GO_NO_HOST)).isEqualTo(2);
    }

    @Test
    void pipelinedAnswersLeaveInTheOrderAsked() {
        String go = "GET /go/pad HTTP/1.1\r\nHost: x\r\n\r\n";

        assertThat(statuses(exchange("GET /api/v1/services HTTP/1.1\r\nHost: x\r\n\r\n" + go
                + "GET /services/pad HTTP/1.1\r\nHost: x\r\n\r\n" + go + go + LAST)))
                .containsExactly(200, 302, 200, 302, 302, 200);
    }

    @Test
    void malformedRequestsForGoGetMicronautsAnswers() {
        // A header line without its colon: 400, and the connection closed.
        assertThat(statuses(exchange("GET /go/pad HTTP/1.1\r\nHost x\r\n\r\n"))).containsExactly(400);
        // An escape that is not one: Micronaut's "Malformed URI".
        assertThat(exchange("GET /go/pad?near=%zz HTTP/1.1\r\nHost: x\r\n\r\n" + LAST)).contains("Malformed URI");
        // A GET with a body, and one asking to close: redirected all the same, and closed when asked.
        String closed = exchange("GET /go/pad HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhello"
                + "GET /go/pad?near=BE HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        assertThat(statuses(closed)).containsExactly(302, 302);
        assertThat(closed).contains("connection: close");
    }

    /** Sends the bytes on one connection and reads until the broker closes it. */
    String exchange(String requests) {
        try (Socket socket = new Socket(server.getHost(), server.getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(requests.getBytes(StandardCharsets.ISO_8859_1));
            ByteArrayOutputStream read = new ByteArrayOutputStream();
            InputStream in = socket.getInputStream();
            in.transferTo(read);
            return read.toString(StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Integer> statuses(String answers) {
        List<Integer> statuses = new ArrayList<>();
        Matcher m = Pattern.compile("HTTP/1\\.1 (\\d{3}) ").matcher(answers);
        while (m.find()) {
            statuses.add(Integer.parseInt(m.group(1)));
        }
        return statuses;
    }

    static double value(String metrics, String series) {
        return metrics.lines().filter(line -> line.startsWith(series + " ")).findFirst()
                .map(line -> Double.parseDouble(line.substring(series.length() + 1))).orElse(0.0);
    }
}
