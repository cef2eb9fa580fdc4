package org.chatons.entraide.broker.web.redirect;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.EventLoop;
import java.util.ArrayDeque;

/**
 * The redirects one event loop wrote in its current turn, flushed together once it has read every connection that
 * was ready, rather than each as soon as its request was read.
 *
 * <p>Why: each flush is a {@code write} system call that wakes the client (or the reverse proxy in front of the
 * broker) if it is waiting for an answer, and on a small machine that client shares the cores with the broker. Woken
 * after every answer, it takes the core back from the event loop once per answer; woken once the turn's answers are
 * all written, it finds them all ready. Same system calls, fewer switches between the two: the broker answered
 * about a fifth more redirects a second this way (BENCHMARKS.md §3, "One flush a turn"). An answer waits at most
 * for the decisions of the other requests read in the same turn.
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
        if (written.isEmpty()) {
            loop.execute(this);
        }
        written.add(ctx);
    }

    @Override
    public void run() {
        for (ChannelHandlerContext ctx = written.poll(); ctx != null; ctx = written.poll()) {
            ctx.flush();
        }
    }
}
