package org.chatons.entraide.agent.adapters;

import java.io.IOException;
import org.chatons.entraide.probes.Measurement;
import org.chatons.entraide.probes.MobilizonAnswers;

/**
 * Mobilizon has no health endpoint: a GraphQL answer at {@code POST /api} is the sign of health, and the same
 * query gives {@code config.registrationsOpen} and {@code statistics.numberOfUsers} (registered accounts, the
 * only count it publishes; capacity-users is then counted in accounts too).
 */
public final class MobilizonAdapter extends NamedAdapter {

    static final String QUERY = "{\"query\":\"{ config { registrationsOpen } statistics { numberOfUsers numberOfLocalEvents } }\"}";

    public MobilizonAdapter() {
        super("mobilizon");
    }

    @Override
    public Measurement probe(Target target, Http http) throws IOException, InterruptedException {
        return MobilizonAnswers.graphql(http.post(target.base(), "api", "application/json", QUERY));
    }
}
