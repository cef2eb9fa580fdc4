package org.chatons.entraide.demo.standins;

/**
 * What a stand-in shows at one moment.
 *
 * @param up                false while the simulated service is down (its proxy answers 502)
 * @param users             users connected or active now
 * @param capacity          users the member says the host can serve
 * @param registrationsOpen false when sign-up is closed (the host filled up)
 * @param draining          true while a videobridge drains before maintenance
 * @param stored            a growing count for services without users (files in Lufi, links in Lstu)
 */
public record HostState(boolean up, int users, int capacity, boolean registrationsOpen, boolean draining, long stored) {

    /** Users over capacity. */
    public double load() {
        return capacity == 0 ? 0 : (double) users / capacity;
    }
}
