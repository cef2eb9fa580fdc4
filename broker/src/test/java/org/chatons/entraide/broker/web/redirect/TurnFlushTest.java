package org.chatons.entraide.broker.web.redirect;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.DefaultEventLoop;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@link TurnFlush}: the answers written in one turn of an event loop leave together, once its tasks run. */
class TurnFlushTest {

    @Test
    void theAnswersOfOneTurnAreFlushedTogetherByOneTask() {
        EmbeddedChannel first = new EmbeddedChannel(new ChannelInboundHandlerAdapter());
        EmbeddedChannel second = new EmbeddedChannel(new ChannelInboundHandlerAdapter());
        TurnFlush turn = new TurnFlush(first.eventLoop());
        ChannelHandlerContext a = first.pipeline().firstContext();
        ChannelHandlerContext b = second.pipeline().firstContext();

        a.write("to the first");
        turn.add(a);
        b.write("to the second");
        turn.add(b);
        assertThat(first.outboundMessages()).isEmpty();
        assertThat(second.outboundMessages()).isEmpty();

        first.runPendingTasks();

        assertThat(first.outboundMessages()).containsExactly("to the first");
        assertThat(second.outboundMessages()).containsExactly("to the second");
    }

    @Test
    void theNextTurnsAnswersWaitForTheNextTask() {
        EmbeddedChannel channel = new EmbeddedChannel(new ChannelInboundHandlerAdapter());
        TurnFlush turn = new TurnFlush(channel.eventLoop());
        ChannelHandlerContext ctx = channel.pipeline().firstContext();
        ctx.write("first turn");
        turn.add(ctx);
        channel.runPendingTasks();

        ctx.write("second turn");
        turn.add(ctx);
        assertThat(channel.outboundMessages()).containsExactly("first turn");

        channel.runPendingTasks();
        assertThat(channel.outboundMessages()).containsExactly("first turn", "second turn");
    }

    @Test
    void onALoopThatNoLongerTakesTasksTheAnswerLeavesAtOnce() {
        DefaultEventLoop stopped = new DefaultEventLoop();
        stopped.shutdownGracefully(0, 0, TimeUnit.SECONDS).syncUninterruptibly();
        EmbeddedChannel channel = new EmbeddedChannel(new ChannelInboundHandlerAdapter());
        TurnFlush turn = new TurnFlush(stopped);
        ChannelHandlerContext ctx = channel.pipeline().firstContext();

        ctx.write("while shutting down");
        turn.add(ctx);

        assertThat(channel.outboundMessages()).containsExactly("while shutting down");
    }
}
