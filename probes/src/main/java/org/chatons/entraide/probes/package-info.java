/**
 * What the services' answers mean: one small class of pure parsers per software, from an {@link
 * org.chatons.entraide.probes.Answer} (status, content type, body) to a {@link org.chatons.entraide.probes.Measurement}.
 * Shared by the probe agent's adapters, which measure a member's own hosts through their APIs, and by the broker's
 * public probes of hosts declared in ChatonsInfos, which see only what the software shows without a password.
 * No I/O here: each side keeps its own HTTP client, timeouts and size limits.
 */
package org.chatons.entraide.probes;
