package org.chatons.entraide.agent.adapters;

import java.time.Duration;
import java.time.Instant;
import org.chatons.entraide.probes.Measurement;

/**
 * One host's probe, as the runner saw it.
 *
 * @param hostId      the host's id
 * @param software    the adapter used
 * @param measurement what was found (DOWN with the reason when the probe failed or timed out)
 * @param took        how long the probe took
 * @param measuredAt  when the probe started, on the agent's clock. The start rather than the end: a figure read
 *                    during the probe counts every user who arrived before the start, and perhaps some after, so a
 *                    broker that carries over the users it sent after this instant may count a few twice (the
 *                    safe side), never none
 */
public record ProbeResult(String hostId, String software, Measurement measurement, Duration took, Instant measuredAt) {
}
