package org.chatons.entraide.agent.http;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Reads a body up to a limit, then cancels the rest: a service that sends a gigabyte costs the limit in memory and
 * a closed connection, nothing more. Asks for one buffer at a time, so nothing piles up beyond what was read.
 */
final class BoundedBody implements HttpResponse.BodySubscriber<BoundedBody.Body> {

    /**
     * What was read.
     *
     * @param bytes     at most the limit
     * @param truncated true when the body went on past the limit and was cut
     */
    record Body(byte[] bytes, boolean truncated) {
    }

    private final int limit;
    private final ByteArrayOutputStream read = new ByteArrayOutputStream();
    private final CompletableFuture<Body> result = new CompletableFuture<>();
    private Flow.Subscription subscription;

    BoundedBody(int limit) {
        this.limit = limit;
    }

    @Override
    public CompletionStage<Body> getBody() {
        return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        this.subscription = subscription;
        subscription.request(1);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        for (ByteBuffer buffer : buffers) {
            // One byte past the limit is kept, to know that the body was cut.
            int take = Math.min(buffer.remaining(), limit + 1 - read.size());
            byte[] chunk = new byte[take];
            buffer.get(chunk);
            read.write(chunk, 0, take);
            if (read.size() > limit) {
                subscription.cancel();
                result.complete(new Body(Arrays.copyOf(read.toByteArray(), limit), true));
                return;
            }
        }
        subscription.request(1);
    }

    @Override
    public void onError(Throwable error) {
        result.completeExceptionally(error);
    }

    @Override
    public void onComplete() {
        result.complete(new Body(read.toByteArray(), false));
    }
}
