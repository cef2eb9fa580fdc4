package org.chatons.entraide.bench.sim;

/**
 * How evenly a set of hosts is loaded, from their utilisations (users / capacity). All three are 1, 0 and 1 for
 * a perfectly even federation; they are undefined (NaN) when no host has any user.
 */
public final class Balance {

    private Balance() {
    }

    /** The most loaded host's utilisation over the mean utilisation of all hosts. */
    public static double peakToMean(double[] utilisation, int count) {
        double max = 0;
        double sum = 0;
        for (int i = 0; i < count; i++) {
            max = Math.max(max, utilisation[i]);
            sum += utilisation[i];
        }
        return sum > 0 ? max / (sum / count) : Double.NaN;
    }

    /** Coefficient of variation: population standard deviation over mean. */
    public static double coefficientOfVariation(double[] utilisation, int count) {
        double sum = 0;
        for (int i = 0; i < count; i++) {
            sum += utilisation[i];
        }
        if (sum <= 0) {
            return Double.NaN;
        }
        double mean = sum / count;
        double squares = 0;
        for (int i = 0; i < count; i++) {
            double d = utilisation[i] - mean;
            squares += d * d;
        }
        return Math.sqrt(squares / count) / mean;
    }

    /** Jain's fairness index: (sum x)^2 / (n sum x^2), from 1/n (one host has everything) to 1 (all equal). */
    public static double jain(double[] utilisation, int count) {
        double sum = 0;
        double squares = 0;
        for (int i = 0; i < count; i++) {
            sum += utilisation[i];
            squares += utilisation[i] * utilisation[i];
        }
        return squares > 0 ? sum * sum / (count * squares) : Double.NaN;
    }
}
