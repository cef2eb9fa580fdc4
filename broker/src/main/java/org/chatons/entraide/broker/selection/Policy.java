package org.chatons.entraide.broker.selection;

import java.util.random.RandomGenerator;

/**
 * Chooses the host that receives the next new user. Pure: no I/O, no clock, no configuration, no metrics, and
 * all chance from the generator it is given, so a seeded generator replays the same choices.
 */
public interface Policy {

    /** Index of a host the pool admits, or -1 when it admits none. */
    int choose(Pool pool, RandomGenerator random);

    /** The name it is configured by ({@code broker.policy}). */
    String name();
}
