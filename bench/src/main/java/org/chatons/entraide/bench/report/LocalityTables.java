package org.chatons.entraide.bench.report;

import java.util.List;
import org.chatons.entraide.bench.sim.Countries;
import org.chatons.entraide.bench.sim.Locality;
import org.chatons.entraide.bench.sim.LocalityResult;
import org.chatons.entraide.bench.sim.Summary;

/** The locality scenario's results as Markdown tables: each way of choosing beside today's, and per country. */
public final class LocalityTables {

    /** How far the peak-to-mean may rise over today's choice (BENCHMARKS.md's locality target). */
    public static final double PEAK_TO_MEAN_MARGIN = 0.02;
    /** The share of people to send home when their country has room (BENCHMARKS.md's locality target). */
    public static final double HOME_WHEN_ROOM = 0.90;

    /** One way of choosing on the scenario, over every seed. */
    public record Row(Locality locality, Summary balance, List<LocalityResult> runs) {

        long sum(java.util.function.ToLongFunction<LocalityResult> field) {
            return runs.stream().mapToLong(field).sum();
        }

        public double homeWhenRoom() {
            long room = sum(LocalityResult::withRoom);
            return room == 0 ? Double.NaN : (double) sum(LocalityResult::sentHomeWithRoom) / room;
        }

        public double homeAtMost() {
            return runs.stream().mapToDouble(LocalityResult::homeAtMost).average().orElse(Double.NaN);
        }

        public double home() {
            return (double) sum(LocalityResult::sentHome) / sum(LocalityResult::arrivals);
        }

        public double roomShare() {
            return (double) sum(LocalityResult::withRoom) / sum(LocalityResult::arrivals);
        }

        /** Country {@code c}'s utilisation over the federation's, averaged over time and seeds. */
        public double region(int c) {
            return runs.stream().mapToDouble(r -> r.regionToMean()[c]).average().orElse(Double.NaN);
        }
    }

    private LocalityTables() {
    }

    /** Every way of choosing, the first being today's, against the targets. */
    public static String choices(List<Row> rows, Countries countries) {
        Row today = rows.get(0);
        StringBuilder md = new StringBuilder();
        md.append("| choice | peak/mean | p99 | host-time over capacity | over capacity below 85 % full"
                + " (host-samples) | sent to their country when it had room | people whose country had room"
                + " | sent to their country, all people | about the most that can be, every country as full as the rest"
                + " | fullest country / federation | emptiest country / federation | turned away | targets met |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
        for (Row row : rows) {
            Summary s = row.balance();
            double fullest = 0;
            double emptiest = Double.MAX_VALUE;
            for (int c = 0; c < countries.size(); c++) {
                fullest = Math.max(fullest, row.region(c));
                emptiest = Math.min(emptiest, row.region(c));
            }
            boolean met = s.peakToMean() <= today.balance().peakToMean() + PEAK_TO_MEAN_MARGIN
                    && s.overCapacityBelow() == 0 && row.homeWhenRoom() >= HOME_WHEN_ROOM;
            md.append("| ").append(row.locality().label())
                    .append(" | ").append(Tables.f3(s.peakToMean())).append(" | ").append(Tables.f3(s.peakToMeanP99()))
                    .append(" | ").append(Tables.percent(s.overCapacityShare()))
                    .append(" | ").append(s.overCapacityBelow())
                    .append(" | ").append(Tables.percent(row.homeWhenRoom()))
                    .append(" | ").append(Tables.percent(row.roomShare()))
                    .append(" | ").append(Tables.percent(row.home()))
                    .append(" | ").append(Tables.percent(row.homeAtMost()))
                    .append(" | ").append(Tables.f3(fullest)).append(" | ").append(Tables.f3(emptiest))
                    .append(" | ").append(Tables.f1(s.turnedAway()))
                    .append(" | ").append(row.locality().prefer() ? (met ? "yes" : "**no**") : "(reference)")
                    .append(" |\n");
        }
        return md.toString();
    }

    /** Per country: its shares, and how full it was against the federation with each way of choosing. */
    public static String countries(List<Row> rows, Countries countries) {
        StringBuilder md = new StringBuilder("| country | share of hosts | share of people |");
        StringBuilder line = new StringBuilder("|---|---:|---:|");
        for (Row row : rows) {
            md.append(" ").append(row.locality().label()).append(": country / federation |");
            line.append("---:|");
        }
        md.append("\n").append(line).append("\n");
        for (int c = 0; c < countries.size(); c++) {
            Countries.Country country = countries.countries().get(c);
            md.append("| ").append(country.code()).append(" | ").append(Tables.percent(country.hosts()))
                    .append(" | ").append(Tables.percent(country.people())).append(" |");
            for (Row row : rows) {
                md.append(" ").append(Tables.f3(row.region(c))).append(" |");
            }
            md.append("\n");
        }
        return md.toString();
    }
}
