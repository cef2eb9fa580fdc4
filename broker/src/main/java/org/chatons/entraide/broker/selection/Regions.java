package org.chatons.entraide.broker.selection;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.chatons.entraide.broker.members.Member;
import org.chatons.entraide.broker.registry.TrackedHost;

/**
 * A tier's hosts grouped by their member's country and by each language their member speaks, with the whole tier
 * as one more group, so that a group's fullness compares with everyone's on the same terms. Made from the tier's
 * snapshot the first time a pick asks for a country or a language, then kept up to date with every user sent.
 */
final class Regions {

    private static final Group[] NONE = new Group[0];

    private final Group all;
    private final Map<String, Group> byCountry;
    private final Map<String, Group> byLanguage;
    /** For each host of the tier, the groups it is in, the whole tier first. */
    private final Group[][] groupsOf;

    Regions(TrackedHost[] hosts) {
        Map<String, List<Integer>> countries = new LinkedHashMap<>();
        Map<String, List<Integer>> languages = new LinkedHashMap<>();
        int[] everyone = new int[hosts.length];
        for (int i = 0; i < hosts.length; i++) {
            everyone[i] = i;
            Member member = hosts[i].host().member();
            countries.computeIfAbsent(member.country(), c -> new ArrayList<>()).add(i);
            for (String language : member.languages()) {
                List<Integer> speakers = languages.computeIfAbsent(language, l -> new ArrayList<>());
                if (speakers.isEmpty() || speakers.get(speakers.size() - 1) != i) {
                    speakers.add(i);
                }
            }
        }
        this.all = new Group(hosts, everyone);
        this.byCountry = groups(hosts, countries);
        this.byLanguage = groups(hosts, languages);
        this.groupsOf = new Group[hosts.length][];
        for (int i = 0; i < hosts.length; i++) {
            Member member = hosts[i].host().member();
            List<Group> of = new ArrayList<>();
            of.add(all);
            of.add(byCountry.get(member.country()));
            for (String language : member.languages()) {
                Group speakers = byLanguage.get(language);
                if (!of.contains(speakers)) {
                    of.add(speakers);
                }
            }
            groupsOf[i] = of.toArray(NONE);
        }
    }

    private static Map<String, Group> groups(TrackedHost[] hosts, Map<String, List<Integer>> members) {
        Map<String, Group> groups = new HashMap<>();
        members.forEach((key, indices) -> groups.put(key,
                new Group(hosts, indices.stream().mapToInt(Integer::intValue).toArray())));
        return groups;
    }

    /** Every host of the tier. */
    Group all() {
        return all;
    }

    /** The hosts of members in that country, or null when there are none. */
    Group country(String country) {
        return country == null ? null : byCountry.get(country);
    }

    /** The hosts of members who speak that language, or null when there are none. */
    Group language(String language) {
        return language == null ? null : byLanguage.get(language);
    }

    /** Counts a user sent to host {@code i} of the tier in every group it is in. */
    void sent(int i, boolean loadKnown) {
        for (Group g : groupsOf[i]) {
            g.sent(loadKnown);
        }
    }
}
