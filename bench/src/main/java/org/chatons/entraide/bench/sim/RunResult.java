package org.chatons.entraide.bench.sim;

/**
 * What one run measured, over the measured window only (the warm-up is left out), plus the whole run's time
 * series for the plots.
 *
 * @param peakToMean        per sample: the most loaded live host's utilisation over the mean utilisation
 * @param cov               per sample: coefficient of variation of the live hosts' utilisations
 * @param jain              per sample: Jain's index of the same
 * @param hostSamples       live host x sample pairs
 * @param overCapacity      of those, how many had more users than their capacity
 * @param hostSamplesBelow  live host x sample pairs while the federation was under 85 % full
 * @param overCapacityBelow of those, how many had more users than their capacity
 * @param peakUtilisation   the highest utilisation any live host reached
 * @param sent              users sent to a host
 * @param sentToDead        users sent to a host that had crashed
 * @param sentToFull        users sent to a host that already had (with users still joining) its capacity or more
 * @param sentAfterTtl      users sent to a host whose last report was older than the report TTL
 * @param turnedAway        users for whom no host was eligible
 * @param turnedAwayBelowFull of those, the ones turned away while the real users filled less than 85 % of the
 *                          live capacity
 * @param botsSent          requests of bots sent to a host (they never join)
 * @param herds             host report intervals in which the host got more new users than {@link Herds#limit}
 * @param hostIntervals     host report intervals seen
 * @param series            the whole run, sample by sample, for the plot
 */
public record RunResult(double[] peakToMean, double[] cov, double[] jain, long hostSamples, long overCapacity,
                        long hostSamplesBelow, long overCapacityBelow, double peakUtilisation, long sent,
                        long sentToDead, long sentToFull, long sentAfterTtl, long turnedAway,
                        long turnedAwayBelowFull, long botsSent, long herds,
                        long hostIntervals, Series series) {

    /** Seconds from the start, peak-to-mean, and the federation's fill (users over live capacity). */
    public record Series(double[] seconds, double[] peakToMean, double[] fill) {
    }
}
