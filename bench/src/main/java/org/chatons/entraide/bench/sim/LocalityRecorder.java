package org.chatons.entraide.bench.sim;

/** Accumulates what a locality run measures, from the simulation's truth. */
final class LocalityRecorder {

    private final Countries countries;
    private final int[] countryOf;
    private final double[] ratioSums;
    private final long[] ratioSamples;
    private final long[] users;
    private final long[] capacity;
    private final boolean[] roomUnderFull;
    /** The live federation's users and capacity, as of the last {@link #tally}. */
    private long allUsers;
    private long allCapacity;
    private long arrivals;
    private long sentHome;
    private long withRoom;
    private long sentHomeWithRoom;
    private final double homeAtMost;
    private long turnedAway;

    LocalityRecorder(Countries countries, int[] countryOf, SimHost[] hosts) {
        this.countries = countries;
        this.countryOf = countryOf;
        this.ratioSums = new double[countries.size()];
        this.ratioSamples = new long[countries.size()];
        this.users = new long[countries.size()];
        this.capacity = new long[countries.size()];
        this.roomUnderFull = new boolean[countries.size()];
        tally(hosts, false);
        double most = 0;
        for (int c = 0; c < capacity.length; c++) {
            most += Math.min(countries.countries().get(c).people(), (double) capacity[c] / allCapacity);
        }
        this.homeAtMost = most;
    }

    /**
     * Whether the person's country has room comparable to the rest now, from the truth: its live hosts together at
     * most as full as all live hosts (users still joining included), and one of them under full-at.
     */
    boolean hasRoom(SimHost[] hosts, int origin) {
        tally(hosts, true);
        return roomUnderFull[origin] && (double) users[origin] / capacity[origin] <= (double) allUsers / allCapacity;
    }

    /** One person from {@code origin} sent to {@code host} (null: turned away); whether home {@code hadRoom}. */
    void arrival(int origin, SimHost host, boolean hadRoom) {
        arrivals++;
        boolean home = host != null && countryOf[host.index] == origin;
        sentHome += home ? 1 : 0;
        turnedAway += host == null ? 1 : 0;
        if (hadRoom) {
            withRoom++;
            sentHomeWithRoom += home ? 1 : 0;
        }
    }

    /** Each country's utilisation over the federation's, at one sample (users present, as the balance counts). */
    void sample(SimHost[] hosts) {
        tally(hosts, false);
        if (allUsers == 0) {
            return;
        }
        double mean = (double) allUsers / allCapacity;
        for (int c = 0; c < users.length; c++) {
            if (capacity[c] > 0) {
                ratioSums[c] += (double) users[c] / capacity[c] / mean;
                ratioSamples[c]++;
            }
        }
    }

    private void tally(SimHost[] hosts, boolean joining) {
        java.util.Arrays.fill(users, 0);
        java.util.Arrays.fill(capacity, 0);
        java.util.Arrays.fill(roomUnderFull, false);
        allUsers = 0;
        allCapacity = 0;
        for (SimHost h : hosts) {
            if (h.alive) {
                int c = countryOf[h.index];
                int present = h.present + (joining ? h.joining : 0);
                users[c] += present;
                capacity[c] += h.capacity;
                roomUnderFull[c] |= (double) present / h.capacity < Scenario.FULL_AT;
                allUsers += present;
                allCapacity += h.capacity;
            }
        }
    }

    LocalityResult result() {
        double[] ratios = new double[countries.size()];
        for (int c = 0; c < ratios.length; c++) {
            ratios[c] = ratioSamples[c] == 0 ? Double.NaN : ratioSums[c] / ratioSamples[c];
        }
        return new LocalityResult(arrivals, sentHome, withRoom, sentHomeWithRoom, homeAtMost, ratios, turnedAway);
    }
}
