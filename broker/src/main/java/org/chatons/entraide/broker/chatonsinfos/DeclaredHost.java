package org.chatons.entraide.broker.chatonsinfos;

import java.net.URI;
import org.chatons.entraide.broker.members.Member;
import org.chatons.entraide.probes.software.PublicProbe;
import org.chatons.entraide.protocol.HostStatus;

/**
 * A service a member declares in its ChatonsInfos files and that the broker may offer, once its public probe says
 * it is UP.
 *
 * @param member        its member (the members file's entry when there is one)
 * @param id            its {@code subs.<id>} in the organization file, as a host id
 * @param service       the catalogue service it offers
 * @param software      {@code software.name} as declared, for people
 * @param url           {@code service.website}: where people are sent
 * @param probe         how the broker looks at it from outside: its software's public probe
 * @param accountNeeded registration Free: people need an account, so closed registrations close it
 * @param full          {@code service.registration.load} FULL
 * @param status        what {@code service.status.level} says: DOWN for ERROR or worse, else UP
 * @param level         {@code service.status.level} as written (upper case), or "" when absent
 * @param file          the service's file
 * @param rooms         {@code service.rooms}: off, or the shape of its named rooms' addresses
 *                      ({@code protocol.RoomsSetting}); null for its software's
 */
public record DeclaredHost(Member member, String id, String service, String software, URI url,
                           PublicProbe probe, boolean accountNeeded, boolean full, HostStatus status,
                           String level, URI file, String rooms) {

    /** A declared host that says nothing of named rooms. */
    public DeclaredHost(Member member, String id, String service, String software, URI url, PublicProbe probe,
                        boolean accountNeeded, boolean full, HostStatus status, String level, URI file) {
        this(member, id, service, software, url, probe, accountNeeded, full, status, level, file, null);
    }
}
