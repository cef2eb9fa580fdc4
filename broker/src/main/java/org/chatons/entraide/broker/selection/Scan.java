package org.chatons.entraide.broker.selection;

import java.util.Arrays;
import java.util.random.RandomGenerator;

/** The slow path shared by the policies: every admitted host, found by looking at all of them. */
final class Scan {

    private Scan() {
    }

    static int[] admitted(Pool pool) {
        int[] admitted = new int[pool.size()];
        int count = 0;
        for (int i = 0; i < pool.size(); i++) {
            if (pool.admits(i)) {
                admitted[count++] = i;
            }
        }
        return Arrays.copyOf(admitted, count);
    }

    /**
     * Draws one of {@code hosts[from..]} with probability proportional to capacity, swaps it to position
     * {@code from} (so successive calls draw without replacement) and returns it.
     */
    static int takeByCapacity(Pool pool, int[] hosts, int from, RandomGenerator random) {
        long total = 0;
        for (int k = from; k < hosts.length; k++) {
            total += pool.capacity(hosts[k]);
        }
        long target = random.nextLong(total);
        int k = from;
        while (target >= pool.capacity(hosts[k])) {
            target -= pool.capacity(hosts[k]);
            k++;
        }
        int taken = hosts[k];
        hosts[k] = hosts[from];
        hosts[from] = taken;
        return taken;
    }
}
