/**
 * Group links for rooms ({@code /go/visio/NAME}): which host a room's name leads to, the same on every broker,
 * across restarts, with nothing stored about rooms and nothing shared between brokers but the members' reports.
 *
 * <p>How: weighted rendezvous hashing (highest random weight). Each name orders the hosts by a score drawn from a
 * stable hash of the host's key and the name, weighted by the host's capacity ({@link Rendezvous}); the room goes to
 * the first host of its order that may take rooms ({@link RoomPlacement}). What the decision reads is the snapshot
 * the reports give every broker alike: the host's key, its reported capacity, its member's country, its eligibility
 * from its last report ({@link RoomFinder}). Never this broker's own redirects since that report, which differ from
 * one broker to the next, and nothing of the person but an explicit {@code ?near=} written in the link.
 *
 * <p>Decided:
 * <ul>
 *   <li>A host that is down, drained, stale, lapsed, closed, or full by its last report takes no rooms: each of its
 *       rooms goes to the next host of that room's own order, and only those rooms move. When it comes back, they
 *       come back to it.</li>
 *   <li>A room on a host that turns full by its report moves to its next host: a meeting already under way there
 *       stays (its people are connected), and those who join after the report are sent to the next host, so that
 *       meeting splits. The alternative, keeping rooms on a full host, needs to know which rooms are live, which
 *       only the host knows, or each broker's own redirects, on which brokers disagree.</li>
 *   <li>A newcomer (a host that joins, or comes back) takes rooms from its first eligible report: with no state of
 *       their own, brokers share no history of a host's reports (one started later has seen fewer), so a waiting
 *       time would make them disagree. Rendezvous hashing bounds the cost: it takes about its capacity share of the
 *       rooms, from every other host in proportion, and nothing else moves (measured in BENCHMARKS.md).</li>
 *   <li>DEGRADED hosts take rooms only when no host of the service is ELIGIBLE, as for {@code /go}.</li>
 * </ul>
 */
package org.chatons.entraide.broker.rooms;
