package org.chatons.entraide.agent.adapters;

import java.io.IOException;
import org.chatons.entraide.probes.HedgedocAnswers;
import org.chatons.entraide.probes.Measurement;

/**
 * HedgeDoc 1.x: {@code GET /status} (public while {@code enableStatsApi} is on, its default) gives the distinct
 * users on open notes now, and {@code isConnectionBusy} when it queues new connections. The same answer as the
 * broker's public probe reads, so the same parser.
 */
public final class HedgedocAdapter extends NamedAdapter {

    public HedgedocAdapter() {
        super("hedgedoc");
    }

    @Override
    public Measurement probe(Target target, Http http) throws IOException, InterruptedException {
        return HedgedocAnswers.status(http.get(target.base(), HedgedocAnswers.STATUS, Http.JSON));
    }
}
