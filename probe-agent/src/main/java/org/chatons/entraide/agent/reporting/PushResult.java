package org.chatons.entraide.agent.reporting;

import org.chatons.entraide.agent.metrics.AgentMetrics.PushOutcome;

/**
 * A broker's answer to one push.
 *
 * @param status the HTTP status, or 0 when there was no answer
 * @param detail what the broker said (its problem detail), or why there was no answer
 */
public record PushResult(int status, String detail) {

    /** What this answer counts as. */
    public PushOutcome outcome() {
        if (status >= 200 && status < 300) {
            return PushOutcome.SUCCESS;
        }
        // 4xx: the report or the token is wrong; sending the same again cannot help. 408 and 429 are the exceptions.
        if (status >= 400 && status < 500 && status != 408 && status != 429) {
            return PushOutcome.REJECTED;
        }
        return PushOutcome.FAILURE;
    }
}
