package org.chatons.entraide.bench.sim;

/**
 * What one run measured of locality, over the measured window.
 *
 * @param arrivals          people who arrived (each from one of the countries)
 * @param sentHome          of those, people sent to a member of their own country
 * @param withRoom          people whose country had room when they arrived: its members' live hosts, together, at
 *                          most as full as the whole federation (users joining included) and one of them under
 *                          full-at; the truth, not what a broker estimates
 * @param sentHomeWithRoom  of those, people sent to a member of their own country
 * @param homeAtMost        the share of people that can be sent home while every country is as full as the
 *                          others: the sum over countries of the smaller of its share of the people and its share
 *                          of the capacity
 * @param regionToMean      per country, the time average of its members' utilisation over the federation's
 * @param turnedAway        people no host could take
 */
public record LocalityResult(long arrivals, long sentHome, long withRoom, long sentHomeWithRoom, double homeAtMost,
                             double[] regionToMean, long turnedAway) {
}
