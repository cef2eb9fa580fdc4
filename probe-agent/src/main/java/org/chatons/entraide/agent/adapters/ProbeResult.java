package org.chatons.entraide.agent.adapters;

import java.time.Duration;
import org.chatons.entraide.probes.Measurement;

/**
 * One host's probe, as the runner saw it.
 *
 * @param hostId      the host's id
 * @param software    the adapter used
 * @param measurement what was found (DOWN with the reason when the probe failed or timed out)
 * @param took        how long the probe took
 */
public record ProbeResult(String hostId, String software, Measurement measurement, Duration took) {
}
