package org.chatons.entraide.bench.sim;

import java.util.Arrays;

/** A growable array of doubles, without boxing. */
final class DoubleList {

    private double[] values = new double[256];
    private int size;

    void add(double value) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = value;
    }

    double[] toArray() {
        return Arrays.copyOf(values, size);
    }
}
