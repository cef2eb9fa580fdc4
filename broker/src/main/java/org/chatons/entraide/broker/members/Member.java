package org.chatons.entraide.broker.members;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
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
 */
public record Member(String id, String name, String tokenSha256, List<String> domains, LocalDate confirmedUntil,
                     String country, List<String> languages) {

    public Member {
        domains = List.copyOf(domains);
        languages = List.copyOf(languages);
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
