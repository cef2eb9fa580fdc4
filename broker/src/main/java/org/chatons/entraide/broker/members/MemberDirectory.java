package org.chatons.entraide.broker.members;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.chatons.entraide.broker.config.Sha256;

/** The collective's members, found by id or by the hash of the token their probe agent presents. */
public final class MemberDirectory {

    private final Map<String, Member> byId;
    private final Map<String, Member> byTokenHash;

    public MemberDirectory(List<Member> members) {
        this.byId = members.stream().collect(Collectors.toMap(Member::id, Function.identity(),
                (a, b) -> { throw new IllegalArgumentException("duplicate member " + a.id()); }, LinkedHashMap::new));
        this.byTokenHash = members.stream().collect(Collectors.toMap(m -> m.tokenSha256().toLowerCase(),
                Function.identity()));
    }

    public Optional<Member> byId(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** The member whose token this is, if any. Hash lookups leak no timing on the token itself. */
    public Optional<Member> byToken(String bearerToken) {
        if (bearerToken == null || bearerToken.isEmpty()) {
            return Optional.empty();
        }
        return Optional.ofNullable(byTokenHash.get(Sha256.hex(bearerToken)));
    }

    public Collection<Member> all() {
        return byId.values();
    }
}
