package org.chatons.entraide.broker.members;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import org.chatons.entraide.broker.config.BrokerConfig;

/** Loads the members file at start: {@code @Context} so a bad file stops the broker before it serves anyone. */
@Factory
public class MembersFactory {

    @Context
    public Members members(BrokerConfig config) {
        return new Members(MembersFile.load(config.membersFile()));
    }
}
