package org.chatons.entraide.agent.adapters;

/** An adapter that is given its software's name, so that each adapter says only how it asks. */
abstract class NamedAdapter implements Adapter {

    private final String software;

    /** @param software its name in {@code probes/}, in the configuration and in reports */
    NamedAdapter(String software) {
        this.software = software;
    }

    @Override
    public final String software() {
        return software;
    }
}
