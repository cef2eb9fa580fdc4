package org.chatons.entraide.bench.sim;

/**
 * A locality scenario's setting for one run: the countries of members and people, and whether the brokers are
 * told where each person is ({@code ?near=}, or their browser's region) or choose as if nobody said (today's
 * choice, on the very same hosts and people).
 *
 * @param countries where members and people are
 * @param prefer    whether each pick says the person's country and language
 * @param tolerance {@code broker.near-tolerance}: how much fuller than the rest the person's country may be and
 *                  still be preferred
 */
public record Locality(Countries countries, boolean prefer, double tolerance) {

    public String label() {
        return prefer ? "near first, tolerance " + tolerance : "today: no preference";
    }
}
