package org.chatons.entraide.bench.sim;

/** The simulated hosts as they really are: what the oracle (water-filling) sees and the brokers do not. */
record Truth(SimHost[] hosts) implements WaterFilling.Hosts {

    @Override
    public int size() {
        return hosts.length;
    }

    @Override
    public boolean alive(int i) {
        return hosts[i].alive;
    }

    @Override
    public int users(int i) {
        return hosts[i].present + hosts[i].joining;
    }

    @Override
    public int capacity(int i) {
        return hosts[i].capacity;
    }
}
