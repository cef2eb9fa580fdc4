package org.chatons.entraide.broker.members;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.chatons.entraide.protocol.Places;

/**
 * A member of the collective, as the coordinators declared it in the members file.
 *
 * @param id             stable id ({@code [a-z0-9-]{1,64}}), used in reports, URLs and metrics
 * @param name           the name people know it by
 * @param tokenSha256    hex SHA-256 of its probe agent's bearer token
 * @param domains        its hosts' URLs must be under one of these
 * @param confirmedUntil last day of its yearly confirmation; after it, its hosts receive no one
 * @param country        ISO 3166 country code
 * @param languages      languages its services are run in
 * @param rooms          its word on its hosts' named rooms, by host id ({@code protocol.RoomsSetting}: off, or a
 *                       shape); a host not in it has its software's, or what its report says
 */
public record Member(String id, String name, String tokenSha256, List<String> domains, LocalDate confirmedUntil,
                     String country, List<String> languages, Map<String, String> rooms) {

    public Member {
        domains = List.copyOf(domains);
        languages = List.copyOf(languages);
        rooms = Map.copyOf(rooms);
    }

    /** A member that says nothing of its hosts' rooms. */
    public Member(String id, String name, String tokenSha256, List<String> domains, LocalDate confirmedUntil,
                  String country, List<String> languages) {
        this(id, name, tokenSha256, domains, confirmedUntil, country, languages, Map.of());
    }

    /** Whether the member's confirmation covers that day. */
    public boolean confirmedOn(LocalDate day) {
        return !day.isAfter(confirmedUntil);
    }

    /** Whether a URL's host is one of the member's domains or a subdomain of one. */
    public boolean owns(URI url) {
        return domains.stream().anyMatch(d -> Places.isUnder(url, d));
    }
}
