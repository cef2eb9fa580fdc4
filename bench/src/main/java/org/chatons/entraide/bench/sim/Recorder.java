package org.chatons.entraide.bench.sim;

import java.util.Map;
import java.util.TreeMap;

/** Accumulates the measurements of one run. */
final class Recorder {
    private final long from;
    private final long to;
    private final double[] utilisation;
    private final DoubleList p2m = new DoubleList();
    private final DoubleList cov = new DoubleList();
    private final DoubleList jain = new DoubleList();
    private final DoubleList seriesSeconds = new DoubleList();
    private final DoubleList seriesP2m = new DoubleList();
    private final DoubleList seriesFill = new DoubleList();
    long hostSamples;
    long overCapacity;
    long hostSamplesBelow;
    long overCapacityBelow;
    double peak;
    long sent;
    long sentToDead;
    long sentToFull;
    long sentAfterTtl;
    long turnedAway;
    long turnedAwayBelowFull;
    long botsSent;
    long herds;
    long hostIntervals;
    /** Users sent by each broker (its index); water-filling, which has no broker, counts under 0. */
    final Map<Integer, Long> sentByBroker = new TreeMap<>();

    Recorder(long from, long to, int hosts) {
        this.from = from;
        this.to = to;
        this.utilisation = new double[hosts];
    }

    boolean measuring(long now) {
        return now >= from && now < to;
    }

    void sample(long now, SimHost[] hosts) {
        int count = 0;
        long users = 0;
        long capacity = 0;
        int over = 0;
        double max = 0;
        for (SimHost h : hosts) {
            if (h.alive) {
                utilisation[count++] = h.utilisation();
                users += h.present;
                capacity += h.capacity;
                over += h.present > h.capacity ? 1 : 0;
                max = Math.max(max, h.utilisation());
            }
        }
        double fill = (double) users / capacity;
        double ratio = Balance.peakToMean(utilisation, count);
        seriesSeconds.add(now / 1000.0);
        seriesP2m.add(ratio);
        seriesFill.add(fill);
        if (!measuring(now)) {
            return;
        }
        p2m.add(ratio);
        cov.add(Balance.coefficientOfVariation(utilisation, count));
        jain.add(Balance.jain(utilisation, count));
        hostSamples += count;
        overCapacity += over;
        if (fill < Scenario.FULL_AT) {
            hostSamplesBelow += count;
            overCapacityBelow += over;
        }
        peak = Math.max(peak, max);
    }

    RunResult result() {
        return new RunResult(p2m.toArray(), cov.toArray(), jain.toArray(), hostSamples, overCapacity,
                hostSamplesBelow, overCapacityBelow, peak, sent, sentToDead, sentToFull, sentAfterTtl,
                turnedAway, turnedAwayBelowFull, botsSent, herds, hostIntervals,
                new RunResult.Series(seriesSeconds.toArray(), seriesP2m.toArray(), seriesFill.toArray()));
    }
}
