package org.chatons.entraide.broker.members;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.chatons.entraide.yaml.At;

/** The members file as written, bound key for key, each value with its line; {@link MembersFile} checks it. */
record MembersYaml(At<List<At<Entry>>> members) {

    /** One entry of {@code members:}. */
    record Entry(At<String> id, At<String> name, At<String> tokenSha256, At<List<At<String>>> domains,
                 At<LocalDate> confirmedUntil, At<String> country, At<List<At<String>>> languages,
                 At<Map<String, At<String>>> rooms) {
    }
}
