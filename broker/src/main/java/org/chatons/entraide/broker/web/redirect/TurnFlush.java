package org.chatons.entraide.broker.web.redirect;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.EventLoop;
import java.util.ArrayDeque;
import java.util.concurrent.RejectedExecutionException;

/**
 * The redirects one event loop wrote in its current turn, flushed together once it has read every connection that
 * was ready, rather than each as soon as its request was read.
 *
 * <p>Why: a flush is a {@code write} system call into the kernel's TCP path, which also wakes the client (or the
 * reverse proxy in front of the broker) waiting for the answer, on a machine where it may share the cores with the
 * broker. Flushed after every answer, the event loop alternates between its own work and the kernel's request by
 * request; flushed once the turn's reads are done, each runs in one stretch. Measured rather than explained in
 * full: the same system calls, about as many context switches, and more redirects a second in most rounds
 * (BENCHMARKS.md §3, "One flush a turn"). An answer waits at most for the decisions of the other requests read in
 * the same turn.
 *
 * <p>Netty runs a loop's tasks after it has processed the ready connections, so the flush is a task queued by the
 * turn's first answer. Only ever used from its own event loop: no locking.
 */
final class TurnFlush implements Runnable {

    private final EventLoop loop;
    private final ArrayDeque<ChannelHandlerContext> written = new ArrayDeque<>();

    TurnFlush(EventLoop loop) {
        this.loop = loop;
    }

    /** Flushes {@code ctx} (a handler that wrote an answer) at the end of the current turn. */
    void add(ChannelHandlerContext ctx) {
        written.add(ctx);
        if (written.size() == 1) {
            try {
                loop.execute(this);
            } catch (RejectedExecutionException shuttingDown) {
                run();
            }
        }
    }

    @Override
    public void run() {
        for (ChannelHandlerContext ctx = written.poll(); ctx != null; ctx = written.poll()) {
            ctx.flush();
        }
    }
}
