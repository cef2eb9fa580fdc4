package org.chatons.entraide.broker.selection;

import java.util.random.RandomGenerator;

/**
 * Sends a person to members near them. One rule, for {@code /go}, {@code /pick} and the picker's words:
 * <ul>
 *   <li>a country the person <b>chose</b> ({@code ?near=BE}: {@link Nearby#chosen()}) is honoured: the policy
 *       chooses among that country's hosts whenever one of them can take a new user, and among everyone only when
 *       none can (the answer then says so: {@link Pick.Sent#awayFromChosen()});</li>
 *   <li>a country read from the browser, then the person's language, is a <b>preference judged in room</b>: the
 *       policy chooses among those hosts while their room (how far they are, together, from full-at) is at least
 *       {@code R x (1 - margin x R^2)}, R the federation's room, and among everyone otherwise ({@link #hasRoom}).</li>
 * </ul>
 *
 * <p>Why room, and why that margin: between two reports a group's estimate grows with every person sent there, so
 * a rule in relative load ("no fuller than the rest by 1 %") ends a nearly empty country's preference at its first
 * visitor. In room, the slack a country gets over the federation is {@code margin x R^3}: with 0.25 and full-at
 * 0.85, 10.5 points of its capacity when the federation is a tenth full (R = 0.75: a country takes its own
 * people's bursts), 0.4 point at 60 % full (R = 0.25), 0.1 at 70 %: a country that fills sends its overflow where
 * the room is, and the balance at high load stays near that of the choice without locality (measured in bench/,
 * BENCHMARKS.md section 7; a slack in R^2 cost twice as much balance at 60 % for the same bursts).
 * Pure: the groups' fullness is the tier's snapshot plus the users sent since, and all chance comes from the
 * generator given.
 *
 * @param margin how much less room than the federation, as a share of the cube of the federation's room, the
 *               person's country may have and still be preferred ({@code broker.near-tolerance})
 */
public record NearFirst(double margin) {

    public NearFirst {
        if (!(margin >= 0 && margin <= 1)) {
            throw new IllegalArgumentException("margin: " + margin + " (expected: between 0 and 1)");
        }
    }

    /**
     * Index in the tier of the host chosen for someone {@code near}, or -1 when the tier admits no one.
     *
     * @param all    the tier's pool, as the policy would choose among all of it
     * @param fullAt the estimated load at which a host is full ({@code broker.full-at})
     */
    int choose(Policy policy, Tier tier, Pool all, Nearby near, double fullAt, RandomGenerator random) {
        if (near.anywhere() || tier.size() == 0) {
            return policy.choose(all, random);
        }
        Regions regions = tier.regions();
        double weight = tier.weight();
        Group country = regions.country(near.country());
        int i = near.chosen() ? within(policy, country, all, weight, random)
                : preferred(policy, country, regions.all(), all, weight, fullAt, random);
        if (i < 0) {
            i = preferred(policy, regions.language(near.language()), regions.all(), all, weight, fullAt, random);
        }
        return i >= 0 ? i : policy.choose(all, random);
    }

    /** The policy's choice among the group's hosts, when it has room compared with everyone; -1 otherwise. */
    private int preferred(Policy policy, Group group, Group everyone, Pool all, double weight, double fullAt,
                          RandomGenerator random) {
        if (group == null || group.size() == everyone.size() || !hasRoom(group, everyone, weight, fullAt)) {
            return -1;
        }
        return within(policy, group, all, weight, random);
    }

    /** The policy's choice among the group's hosts, -1 when none of them can take a new user (or no group). */
    private static int within(Policy policy, Group group, Pool all, double weight, RandomGenerator random) {
        if (group == null) {
            return -1;
        }
        int k = policy.choose(group.pool(all, weight), random);
        return k < 0 ? -1 : group.member(k);
    }

    /**
     * Whether the group's room, {@code fullAt} less its mean load, is at least {@code R x (1 - margin x R^2)}, R the
     * federation's room: by the mean estimated load of the hosts whose load is known, or, where either side has none, by the users
     * sent since the reports over capacity; each user sent since the group was made counts {@code weight} (as much
     * as a counted redirect counts now).
     */
    boolean hasRoom(Group group, Group everyone, double weight, double fullAt) {
        double mine = group.meanLoad(weight);
        double all = everyone.meanLoad(weight);
        if (Double.isNaN(mine) || Double.isNaN(all)) {
            mine = group.meanSent(weight);
            all = everyone.meanSent(weight);
        }
        double room = Math.max(0, fullAt - all);
        return fullAt - mine >= room * (1 - margin * room * room);
    }
}
