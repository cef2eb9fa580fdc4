package org.chatons.entraide.broker.selection;

import java.util.random.RandomGenerator;

/**
 * Sends a person to members near them while those have room comparable to the rest: among a tier's hosts, the
 * policy chooses first among the hosts of members in the person's country, then among those of members who speak
 * the person's language, each only while that group is not fuller than the whole tier by more than
 * {@code tolerance}; otherwise, and when the group has no host that admits a user, among all of them.
 *
 * <p>So locality never overloads a region: members near many people fill up to the federation's level, and the
 * people they cannot take go where the room is; members near few people are not starved either, since the others'
 * overflow and the people with no preference go to the least loaded hosts, often theirs (measured in bench/,
 * BENCHMARKS.md). Pure: the groups' fullness is the tier's snapshot plus the users sent since, and all chance comes
 * from the generator given.
 *
 * @param tolerance how much fuller than the tier, relatively, a group may be and still be preferred: 0 prefers it
 *                  while its mean estimated load is at most the tier's, 0.05 while at most 5 % above it
 */
public record NearFirst(double tolerance) {

    public NearFirst {
        if (!(tolerance >= 0 && tolerance <= 1)) {
            throw new IllegalArgumentException("tolerance: " + tolerance + " (expected: between 0 and 1)");
        }
    }

    /**
     * Index in the tier of the host chosen for someone {@code near}, or -1 when the tier admits no one.
     *
     * @param all the tier's pool, as the policy would choose among all of it
     */
    int choose(Policy policy, Tier tier, Pool all, Nearby near, RandomGenerator random) {
        if (near.anywhere() || tier.size() == 0) {
            return policy.choose(all, random);
        }
        Regions regions = tier.regions();
        double weight = tier.weight();
        int i = within(policy, regions.country(near.country()), regions.all(), all, weight, random);
        if (i < 0) {
            i = within(policy, regions.language(near.language()), regions.all(), all, weight, random);
        }
        return i >= 0 ? i : policy.choose(all, random);
    }

    /** The policy's choice among the group's hosts, when it has room; -1 otherwise. */
    private int within(Policy policy, Group group, Group everyone, Pool all, double weight, RandomGenerator random) {
        if (group == null || group.size() == everyone.size() || !hasRoom(group, everyone, weight)) {
            return -1;
        }
        int k = policy.choose(group.pool(all, weight), random);
        return k < 0 ? -1 : group.member(k);
    }

    /**
     * Whether the group is at most {@code tolerance} fuller than everyone: by the mean estimated load of the hosts
     * whose load is known, or, where either side has none, by the users sent since the reports over capacity;
     * each user sent since the group was made counts {@code weight} (as much as a counted redirect counts now).
     */
    boolean hasRoom(Group group, Group everyone, double weight) {
        double mine = group.meanLoad(weight);
        double all = everyone.meanLoad(weight);
        if (Double.isNaN(mine) || Double.isNaN(all)) {
            mine = group.meanSent(weight);
            all = everyone.meanSent(weight);
        }
        return mine <= all * (1 + tolerance);
    }
}
