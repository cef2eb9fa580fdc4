package org.chatons.entraide.agent.adapters;

/** Lufi (file drop): {@code /fullstats} with a {@code files} count. */
public final class LufiAdapter extends FullStatsAdapter {

    public LufiAdapter() {
        super("lufi", "Lufi", "files");
    }
}
