package org.chatons.entraide.agent.adapters;

/** Lstu (URL shortener): {@code /fullstats} with a {@code urls} count. */
public final class LstuAdapter extends FullStatsAdapter {

    public LstuAdapter() {
        super("lstu", "Lstu", "urls");
    }
}
