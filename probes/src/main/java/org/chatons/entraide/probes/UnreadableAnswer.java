package org.chatons.entraide.probes;

/** An answer that is not what the API documents (garbage, HTML error page, cut body). */
public final class UnreadableAnswer extends Exception {

    /** @param message what was expected and what came, for the host's reason */
    public UnreadableAnswer(String message) {
        super(message, null, false, false);
    }
}
