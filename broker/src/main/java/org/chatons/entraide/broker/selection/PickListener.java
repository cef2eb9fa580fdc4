package org.chatons.entraide.broker.selection;

/** Told of every pick: the broker's metrics listen, and so can a simulator. */
public interface PickListener {

    PickListener NONE = pick -> { };

    void picked(Pick pick);
}
