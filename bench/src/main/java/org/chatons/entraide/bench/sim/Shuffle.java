package org.chatons.entraide.bench.sim;

import java.util.SplittableRandom;

/** A random order, drawn from a run's own stream so that a seed gives the same run. */
final class Shuffle {

    private Shuffle() {
    }

    /** 0..n-1 in random order. */
    static int[] of(int n, SplittableRandom random) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
        return a;
    }
}
