package org.chatons.entraide.bench.sim;

import java.util.Arrays;
import java.util.List;

/**
 * One contender on one scenario, over every seed: balance metrics averaged over time (then over seeds) and their
 * 99th percentile over all samples of all seeds; counts are per run (averaged over seeds).
 */
public record Summary(Scenario scenario, Contender contender, int seeds, double peakToMean, double peakToMeanP99,
                      double cov, double covP99, double jain, double jainP1, double overCapacityShare,
                      double overCapacityBelowShare, long overCapacityBelow, double peakUtilisation, double sent,
                      double sentToDead, double sentToFull, double sentAfterTtl, long sentAfterTtlTotal,
                      double turnedAway, double herds, double herdsPerThousand, double turnedAwayBelowFull,
                      long turnedAwayBelowFullTotal, double botsSent) {

    public static Summary of(Scenario scenario, Contender contender, List<RunResult> runs) {
        int n = runs.size();
        long hostSamples = 0;
        long over = 0;
        long below = 0;
        long overBelow = 0;
        long afterTtl = 0;
        long herds = 0;
        long intervals = 0;
        double peak = 0;
        for (RunResult r : runs) {
            hostSamples += r.hostSamples();
            over += r.overCapacity();
            below += r.hostSamplesBelow();
            overBelow += r.overCapacityBelow();
            afterTtl += r.sentAfterTtl();
            herds += r.herds();
            intervals += r.hostIntervals();
            peak = Math.max(peak, r.peakUtilisation());
        }
        return new Summary(scenario, contender, n,
                runs.stream().mapToDouble(r -> mean(r.peakToMean())).average().orElse(Double.NaN),
                percentile(runs.stream().map(RunResult::peakToMean).toList(), 0.99),
                runs.stream().mapToDouble(r -> mean(r.cov())).average().orElse(Double.NaN),
                percentile(runs.stream().map(RunResult::cov).toList(), 0.99),
                runs.stream().mapToDouble(r -> mean(r.jain())).average().orElse(Double.NaN),
                percentile(runs.stream().map(RunResult::jain).toList(), 0.01),
                hostSamples == 0 ? 0 : (double) over / hostSamples,
                below == 0 ? 0 : (double) overBelow / below, overBelow, peak,
                runs.stream().mapToLong(RunResult::sent).average().orElse(0),
                runs.stream().mapToLong(RunResult::sentToDead).average().orElse(0),
                runs.stream().mapToLong(RunResult::sentToFull).average().orElse(0),
                (double) afterTtl / n, afterTtl,
                runs.stream().mapToLong(RunResult::turnedAway).average().orElse(0),
                (double) herds / n, intervals == 0 ? 0 : 1000.0 * herds / intervals,
                runs.stream().mapToLong(RunResult::turnedAwayBelowFull).average().orElse(0),
                runs.stream().mapToLong(RunResult::turnedAwayBelowFull).sum(),
                runs.stream().mapToLong(RunResult::botsSent).average().orElse(0));
    }

    /** The mean of the values that are numbers. */
    public static double mean(double[] values) {
        return Arrays.stream(values).filter(v -> !Double.isNaN(v)).average().orElse(Double.NaN);
    }

    /** The nearest-rank percentile (q in [0, 1]) of all the values that are numbers, pooled. */
    public static double percentile(List<double[]> samples, double q) {
        double[] all = samples.stream().flatMapToDouble(Arrays::stream).filter(v -> !Double.isNaN(v))
                .sorted().toArray();
        if (all.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(q * all.length);
        return all[Math.min(all.length - 1, Math.max(0, rank - 1))];
    }
}
