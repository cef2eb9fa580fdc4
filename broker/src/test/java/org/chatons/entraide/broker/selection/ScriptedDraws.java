package org.chatons.entraide.broker.selection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.random.RandomGenerator;

/**
 * A generator whose bounded draws ({@code nextInt(bound)}, {@code nextLong(bound)}) are the given values, in turn:
 * to aim a draw at a boundary. A value outside its draw's bound, a draw not scripted or an unbounded one fails.
 */
final class ScriptedDraws implements RandomGenerator {

    private final long[] values;
    private int next;

    private ScriptedDraws(long[] values) {
        this.values = values;
    }

    static RandomGenerator drawing(long... values) {
        return new ScriptedDraws(values.clone());
    }

    @Override
    public long nextLong() {
        throw new UnsupportedOperationException("an unbounded draw, which no script gives");
    }

    @Override
    public long nextLong(long bound) {
        assertThat(next).as("draws scripted").isLessThan(values.length);
        assertThat(values[next]).as("draw %d of %d", next + 1, values.length).isBetween(0L, bound - 1);
        return values[next++];
    }

    @Override
    public int nextInt(int bound) {
        return (int) nextLong(bound);
    }
}
