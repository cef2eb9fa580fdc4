package org.chatons.entraide.broker.registry;

/** A host's identity: its id is unique only within its member. */
public record HostKey(String member, String host) {

    /** {@code member/host}: in logs, and as the start of a line of the drains file ({@code drains.DrainsFile}). */
    @Override
    public String toString() {
        return member + "/" + host;
    }
}
