package org.chatons.entraide.broker.drains;

/**
 * A coordinator drained or undrained a host on this broker: {@link PeerSync} tells the other brokers at once
 * rather than at its next round.
 *
 * @param decision what was decided
 */
public record DrainDecided(DrainState decision) {
}
