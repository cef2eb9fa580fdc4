package org.chatons.entraide.agent.adapters;

import java.io.IOException;
import org.chatons.entraide.probes.FullStatsAnswers;
import org.chatons.entraide.probes.Measurement;

/**
 * Lufi and Lstu share {@code GET /fullstats}: a JSON object with a count ({@code files} or {@code urls}) and a
 * timestamp. There is no user count, so only health is measured; anonymous use is open.
 */
abstract class FullStatsAdapter extends NamedAdapter {

    private final String name;
    private final String field;

    FullStatsAdapter(String software, String name, String field) {
        super(software);
        this.name = name;
        this.field = field;
    }

    @Override
    public Measurement probe(Target target, Http http) throws IOException, InterruptedException {
        return FullStatsAnswers.fullStats(http.get(target.base(), "fullstats", Http.JSON),
                name, field);
    }
}
