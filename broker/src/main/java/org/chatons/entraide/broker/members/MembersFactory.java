package org.chatons.entraide.broker.members;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import org.chatons.entraide.broker.config.BrokerConfig;

/**
 * Loads the members file at start: {@code @Context} so a bad file, or the example, stops the broker before it
 * serves anyone.
 */
@Factory
public class MembersFactory {

    @Context
    public Members members(BrokerConfig config) {
        MemberDirectory loaded = MembersFile.load(config.membersFile());
        ExampleGuard.refuseExample(config.membersFile(), loaded);
        return new Members(loaded);
    }
}
