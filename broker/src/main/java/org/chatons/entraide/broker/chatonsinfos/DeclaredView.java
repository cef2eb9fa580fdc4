package org.chatons.entraide.broker.chatonsinfos;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.chatons.entraide.broker.members.Member;

/**
 * What the federation's files declare, as the broker takes it: members in force, the services it may offer,
 * and what it refused with the reason.
 *
 * @param federation     the federation file
 * @param federationName {@code federation.name}
 * @param readAt         when the refresh that built it began
 * @param members        organizations whose membership is in force
 * @param hosts          the services offered, for the public probes to look at
 * @param refusals       what is left out, and why
 * @param files          files of the refresh (the federation's excepted)
 * @param unreadable     of those, files that could not be read this time
 * @param lastGoodCopies of those, files read from their last good copy
 * @param requests       requests the refresh made
 */
public record DeclaredView(URI federation, String federationName, Instant readAt, List<DeclaredMember> members,
                           List<DeclaredHost> hosts, List<Refusal> refusals, int files, int unreadable,
                           int lastGoodCopies, int requests) {

    public DeclaredView {
        members = List.copyOf(members);
        hosts = List.copyOf(hosts);
        refusals = List.copyOf(refusals);
    }

    /** Nothing declared: before the first refresh, or with no federation configured. */
    public static DeclaredView empty() {
        return new DeclaredView(null, "", Instant.EPOCH, List.of(), List.of(), List.of(), 0, 0, 0, 0);
    }

    /**
     * An organization in force.
     *
     * @param member        as the broker knows it (the members file's entry when there is one)
     * @param file          its organization file
     * @param inMembersFile whether the members file lists it too (with a token, for its agent)
     */
    public record DeclaredMember(Member member, URI file, boolean inMembersFile) {
    }
}
