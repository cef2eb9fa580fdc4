package org.chatons.entraide.bench.sim;

import java.util.List;
import java.util.Random;
import org.chatons.entraide.broker.rooms.RoomHost;
import org.chatons.entraide.broker.rooms.RoomName;
import org.chatons.entraide.broker.rooms.RoomPlacement;

/**
 * Whether the rooms' spread over hosts is the placement's bias or the noise of any random draw: the same hosts
 * given the same number of names by a fair draw (each name to a host with probability its capacity share, from
 * {@link Random}), and the placement's rooms per host averaged over independent sets of names, whose noise shrinks
 * with the number of sets while a bias would stay.
 */
public final class RoomSpread {

    private RoomSpread() {
    }

    /** What was measured over one set of hosts. */
    public record Result(double fairPeak, double meanPeak, int sets, double chiSquarePerDegree) {
    }

    /**
     * @param names names per set ({@code room-<set>-<k>}); set 0 is the one the rest of the bench places
     * @param sets  independent sets of names
     */
    public static Result of(List<RoomHost> hosts, int names, int sets, long seed) {
        double total = hosts.stream().mapToInt(RoomHost::capacity).sum();
        double[] expected = hosts.stream().mapToDouble(h -> names * h.capacity() / total).toArray();
        // A fair draw: each name to a host by capacity, as an ideal hash would.
        Random random = new Random(seed);
        int[] fair = new int[hosts.size()];
        for (int k = 0; k < names; k++) {
            double u = random.nextDouble() * total;
            int i = 0;
            double sum = hosts.get(0).capacity();
            while (sum <= u && i < hosts.size() - 1) {
                sum += hosts.get(++i).capacity();
            }
            fair[i]++;
        }
        RoomPlacement placement = new RoomPlacement(hosts);
        double[] ratioSum = new double[hosts.size()];
        double chiSquare = 0;
        for (int s = 1; s <= sets; s++) {
            int[] rooms = new int[hosts.size()];
            for (int k = 0; k < names; k++) {
                rooms[hosts.indexOf(placement.place(new RoomName("room-" + s + "-" + k), null).orElseThrow())]++;
            }
            for (int i = 0; i < hosts.size(); i++) {
                ratioSum[i] += rooms[i] / expected[i];
                chiSquare += (rooms[i] - expected[i]) * (rooms[i] - expected[i]) / expected[i];
            }
        }
        double fairPeak = 0;
        double meanPeak = 0;
        for (int i = 0; i < hosts.size(); i++) {
            fairPeak = Math.max(fairPeak, fair[i] / expected[i]);
            meanPeak = Math.max(meanPeak, ratioSum[i] / sets);
        }
        return new Result(fairPeak, meanPeak, sets, chiSquare / sets / (hosts.size() - 1));
    }
}
