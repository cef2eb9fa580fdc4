package org.chatons.entraide.broker.selection;

import java.util.Arrays;
import java.util.random.RandomGenerator;

/** A pool given as arrays; hosts whose load reaches 1 are not admitted. Records what was sampled. */
final class FakePool implements Pool {

    final double[] reported;
    final double[] estimated;
    final int[] capacity;
    final boolean[] closed;
    /** Hosts whose report gives no load: their loads above count only the users sent since. */
    final boolean[] unknown;
    /** Hosts declared in ChatonsInfos rather than measured by an agent. */
    final boolean[] declared;
    double mean = Double.NaN;
    int samples;
    /** When set, what the draws by capacity return, in turn, instead of drawing. */
    int[] script;

    FakePool(double[] reported, double[] estimated, int[] capacity) {
        this.reported = reported;
        this.estimated = estimated;
        this.capacity = capacity;
        this.closed = new boolean[reported.length];
        this.unknown = new boolean[reported.length];
        this.declared = new boolean[reported.length];
    }

    static FakePool loads(double... loads) {
        int[] capacity = new int[loads.length];
        Arrays.fill(capacity, 100);
        return new FakePool(loads.clone(), loads.clone(), capacity);
    }

    @Override
    public int size() {
        return reported.length;
    }

    @Override
    public boolean admits(int i) {
        return !closed[i] && estimated[i] < 1;
    }

    @Override
    public double reportedLoad(int i) {
        return reported[i];
    }

    @Override
    public double estimatedLoad(int i) {
        return estimated[i];
    }

    @Override
    public boolean loadKnown(int i) {
        return !unknown[i];
    }

    @Override
    public boolean measured(int i) {
        return !declared[i];
    }

    @Override
    public int capacity(int i) {
        return capacity[i];
    }

    @Override
    public double meanEstimatedLoad() {
        return mean;
    }

    @Override
    public int sampleByCapacity(RandomGenerator random) {
        if (script != null) {
            return script[samples++];
        }
        samples++;
        long total = Arrays.stream(capacity).asLongStream().sum();
        long target = random.nextLong(total);
        for (int i = 0; i < capacity.length; i++) {
            target -= capacity[i];
            if (target < 0) {
                return i;
            }
        }
        throw new AssertionError();
    }
}
