package org.chatons.entraide.broker.registry;

/** A host's identity: its id is unique only within its member. */
public record HostKey(String member, String host) {

    /**
     * Not the record's own {@code 31 * member + host}: ids are numbered ({@code pad-1}, {@code pad-2}) and members'
     * names often differ by one letter, so that sum made {@code member-1/pad-10} and {@code member-0/pad-20} one
     * code, and 10,000 such hosts only 2,800 codes, which turned the registry's and the metrics' maps, looked up on
     * every pick, into long chains. A large odd multiplier keeps the member's part apart from the host's.
     */
    @Override
    public int hashCode() {
        return member.hashCode() * 0x9E3779B1 + host.hashCode();
    }

    /** The same object first: a host keeps the key it was first seen with, so lookups find that very object. */
    @Override
    public boolean equals(Object other) {
        return this == other
                || other instanceof HostKey key && member.equals(key.member) && host.equals(key.host);
    }

    /** {@code member/host}: in logs, and as the start of a line of the drains file ({@code drains.DrainsFile}). */
    @Override
    public String toString() {
        return member + "/" + host;
    }
}
