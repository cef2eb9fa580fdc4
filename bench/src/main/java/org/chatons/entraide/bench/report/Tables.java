package org.chatons.entraide.bench.report;

import java.util.List;
import java.util.Locale;
import org.chatons.entraide.bench.sim.Summary;

/** The simulator's results as Markdown tables. */
public final class Tables {

    private Tables() {
    }

    /** Every contender on one scenario. */
    public static String scenario(List<Summary> rows) {
        StringBuilder md = new StringBuilder();
        md.append("| policy | peak/mean | p99 | CoV | p99 | Jain | p1 | host-time over capacity"
                + " | over capacity below 85 % full | peak utilisation | to dead hosts | to full hosts | after TTL"
                + " | herds / 1000 intervals | turned away |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Summary s : rows) {
            String label = s.contender().isDefault() ? "**" + s.contender().label() + "**" : s.contender().label();
            md.append("| ").append(label)
                    .append(" | ").append(f3(s.peakToMean())).append(" | ").append(f3(s.peakToMeanP99()))
                    .append(" | ").append(f3(s.cov())).append(" | ").append(f3(s.covP99()))
                    .append(" | ").append(f3(s.jain())).append(" | ").append(f3(s.jainP1()))
                    .append(" | ").append(percent(s.overCapacityShare()))
                    .append(" | ").append(percent(s.overCapacityBelowShare()))
                    .append(" | ").append(percent(s.peakUtilisation()))
                    .append(" | ").append(f1(s.sentToDead())).append(" | ").append(f1(s.sentToFull()))
                    .append(" | ").append(f1(s.sentAfterTtl()))
                    .append(" | ").append(f1(s.herdsPerThousand())).append(" | ").append(f1(s.turnedAway()))
                    .append(" |\n");
        }
        return md.toString();
    }

    /** The broker's default policy on every scenario, against the targets of BENCHMARKS.md's summary. */
    public static String targets(List<Summary> defaults) {
        StringBuilder md = new StringBuilder();
        md.append("| scenario | peak/mean | p99 | target | over capacity below 85 % full (host-samples)"
                + " | users sent after TTL | to dead hosts | met |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|---|\n");
        for (Summary s : defaults) {
            Double target = peakToMeanTarget(s);
            boolean balanced = target == null || s.peakToMean() <= target;
            boolean met = balanced && s.overCapacityBelow() == 0 && s.sentAfterTtlTotal() == 0;
            md.append("| ").append(s.scenario().describe())
                    .append(" | ").append(f3(s.peakToMean())).append(" | ").append(f3(s.peakToMeanP99()))
                    .append(" | ").append(target == null ? "-" : "<= " + f2(target))
                    .append(" | ").append(s.overCapacityBelow())
                    .append(" | ").append(s.sentAfterTtlTotal())
                    .append(" | ").append(f1(s.sentToDead()))
                    .append(" | ").append(met ? "yes" : "**no**").append(" |\n");
        }
        return md.toString();
    }

    /** The balance targets: at most 1.03 with one broker, 1.06 with four, at T = 30 s (time-averaged); none else. */
    public static Double peakToMeanTarget(Summary s) {
        if (s.scenario().intervalSeconds() != 30 || s.scenario().offeredLoad() > 0.6) {
            return null;
        }
        return s.scenario().brokers() == 1 ? 1.03 : s.scenario().brokers() == 4 ? 1.06 : null;
    }

    static String f1(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    static String f2(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    static String f3(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.3f", v);
    }

    static String percent(double share) {
        if (share == 0) {
            return "0 %";
        }
        return String.format(Locale.ROOT, share < 0.001 ? "%.3f %%" : "%.1f %%", share * 100);
    }
}
