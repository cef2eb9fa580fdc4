package org.chatons.entraide.agent.http;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One HTTP exchange bounded in time and in size: the agent's only way to read an answer, from a probed service or
 * from a broker. The JDK's request timeout stops at the headers; here the deadline also covers the body, so a
 * peer that dribbles a byte a second is cut off when the time is up, and at most {@code limit} bytes are read.
 * A cut exchange is cancelled, which closes its connection.
 */
public final class BoundedExchange {

    /**
     * An answer.
     *
     * @param status    the HTTP status
     * @param headers   its headers
     * @param body      the body, at most the limit
     * @param truncated true when the body was longer than the limit and was cut
     */
    public record Result(int status, HttpHeaders headers, byte[] body, boolean truncated) {
    }

    private BoundedExchange() {
    }

    /**
     * Sends the request and reads the answer.
     *
     * @param limit  bytes of body read at most
     * @param within time left for the whole exchange, headers and body
     * @param budget the time as the caller's reader knows it ("no answer within 5 s"), which may be longer than
     *               what is left when earlier requests used part of it
     * @throws HttpTimeoutException when time ran out, saying whether any answer had begun
     * @throws IOException          as the client threw it (refused, reset, cut): its class tells the cause
     */
    public static Result send(HttpClient client, HttpRequest request, int limit, Duration within, Duration budget)
            throws IOException, InterruptedException {
        AtomicBoolean answered = new AtomicBoolean();
        CompletableFuture<HttpResponse<BoundedBody.Body>> exchange = client.sendAsync(request, info -> {
            answered.set(true);
            return new BoundedBody(limit);
        });
        try {
            HttpResponse<BoundedBody.Body> response = exchange.get(Math.max(0, within.toNanos()), TimeUnit.NANOSECONDS);
            return new Result(response.statusCode(), response.headers(), response.body().bytes(),
                    response.body().truncated());
        } catch (TimeoutException e) {
            exchange.cancel(true);
            throw new HttpTimeoutException((answered.get() ? "answer not complete within " : "no answer within ")
                    + words(budget));
        } catch (InterruptedException e) {
            exchange.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            throw unwrap(e.getCause(), budget);
        }
    }

    private static IOException unwrap(Throwable cause, Duration budget) {
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof HttpConnectTimeoutException) {
            return new HttpConnectTimeoutException("no connection within " + words(budget));
        }
        if (cause instanceof HttpTimeoutException) {
            return new HttpTimeoutException("no answer within " + words(budget));
        }
        if (cause instanceof IOException io) {
            return io;
        }
        return new IOException(String.valueOf(cause), cause);
    }

    /** "5 s" or "500 ms", for reasons people read. */
    public static String words(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }
}
