package org.chatons.entraide.broker.chatonsinfos;

import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.chatons.entraide.broker.chatonsinfos.DeclaredView.DeclaredMember;
import org.chatons.entraide.broker.chatonsinfos.Refusal.Reason;
import org.chatons.entraide.broker.members.Member;
import org.chatons.entraide.broker.members.MemberDirectory;
import org.chatons.entraide.probes.software.Software;
import org.chatons.entraide.probes.software.Softwares;
import org.chatons.entraide.protocol.HostStatus;
import org.chatons.entraide.protocol.Places;
import org.chatons.entraide.protocol.RoomsSetting;
import org.chatons.entraide.protocol.WireRules;
import org.chatons.entraide.protocol.chatonsinfos.PropertiesFile;

/**
 * Turns a crawl into members and hosts: pure, the day an argument, so tests need no clock.
 *
 * <ul>
 *   <li>An organization's member id is its {@code subs.<id>} in the federation file. Its membership is in force
 *       unless {@code organization.memberof.<federation>.status.level} (or {@code organization.status.level}) is
 *       AWAY or the membership's end date has passed. {@code <federation>} is {@code federation.name} in lower
 *       case ({@code chatons}, {@code minettes}).</li>
 *   <li>A service is offered when it needs no account or a free one ({@code service.registration} None or Free),
 *       its {@code software.name} maps to a catalogue service, its end date has not passed, and its
 *       {@code service.website} is https (http on the loopback) under one of the organization's own domains: the
 *       host of its organization file, of its {@code organization.website} (without its {@code www.}), or the
 *       members file's domains.</li>
 *   <li>FULL ({@code service.registration.load}) closes it to new users; a status level of ERROR or worse
 *       (ERROR, OVER, VOID) makes it DOWN. Both stay listed.</li>
 * </ul>
 */
public final class Declarations {

    /** Values of a service file's {@code service.status.level} that mean the service does not work. */
    private static final Set<String> DOWN_LEVELS = Set.of("ERROR", "OVER", "VOID");
    /** The confirmation date of a declared member whose membership has no end date. */
    static final LocalDate NO_END = LocalDate.of(9999, 12, 31);
    /**
     * Entraide's own key in a service file, which other readers of ChatonsInfos ignore: the host's named rooms off,
     * or their shape ({@link RoomsSetting}).
     */
    static final String ROOMS = "service.rooms";
    /** Names come from files anyone may write and are shown on the picker: kept to a sensible length. */
    static final int MAX_NAME = 80;

    private final Supplier<MemberDirectory> directory;
    private final Predicate<String> inCatalogue;
    private final Softwares softwares;

    /**
     * @param directory   the members file in force (it is reloaded when it changes): its entries stand for
     *                    declared members of the same id
     * @param inCatalogue whether a service id is in the broker's catalogue
     * @param softwares   what a {@code software.name} stands for, and how it is probed
     */
    public Declarations(Supplier<MemberDirectory> directory, Predicate<String> inCatalogue, Softwares softwares) {
        this.directory = directory;
        this.inCatalogue = inCatalogue;
        this.softwares = softwares;
    }

    /** Declarations against one members file that never changes. */
    public Declarations(MemberDirectory directory, Predicate<String> inCatalogue, Softwares softwares) {
        this(() -> directory, inCatalogue, softwares);
    }

    /** What the crawl declares, as of that day. */
    public DeclaredView of(Crawl crawl, LocalDate today) {
        String federationName = crawl.federationFile().get("federation.name").orElse("");
        String fed = federationName.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        List<DeclaredMember> members = new ArrayList<>();
        List<DeclaredHost> hosts = new ArrayList<>();
        List<Refusal> refusals = new ArrayList<>();
        Set<String> memberIds = new HashSet<>();
        for (Crawl.Organization org : crawl.organizations()) {
            String id = id(org.id());
            if (id == null || !memberIds.add(id)) {
                refusals.add(new Refusal(org.id(), null, org.file().uri(), Reason.BAD_ID, id == null
                        ? "'" + org.id() + "' cannot be a member id (expected: [a-z0-9-]{1,64})"
                        : "'" + id + "' is used twice in the federation file"));
                continue;
            }
            if (!org.file().readable()) {
                refusals.add(new Refusal(id, null, org.file().uri(), Reason.UNREADABLE, org.file().problem()));
                continue;
            }
            PropertiesFile p = org.file().properties();
            Optional<String> ended = membershipEnded(p, fed, today);
            if (ended.isPresent()) {
                refusals.add(new Refusal(id, null, org.file().uri(), Reason.MEMBERSHIP_ENDED, ended.get()));
                continue;
            }
            Optional<Member> listed = directory.get().byId(id);
            Set<String> domains = domains(org.file().uri(), p, listed);
            Member member = listed.orElseGet(() -> declaredMember(id, p, domains, today, fed));
            members.add(new DeclaredMember(member, org.file().uri(), listed.isPresent()));
            Set<String> hostIds = new HashSet<>();
            for (Crawl.Service s : org.services()) {
                Object verdict = service(member, s, domains, today, hostIds);
                if (verdict instanceof DeclaredHost host) {
                    hosts.add(host);
                } else {
                    refusals.add((Refusal) verdict);
                }
            }
        }
        List<Crawl.File> files = crawl.files();
        return new DeclaredView(crawl.federation(), federationName, crawl.startedAt(), members, hosts, refusals,
                files.size(), (int) files.stream().filter(f -> f.problem() != null).count(),
                (int) files.stream().filter(Crawl.File::fromLastGoodCopy).count(), crawl.requests());
    }

    /** A declared host, or the refusal that says why not. */
    private Object service(Member member, Crawl.Service s, Set<String> domains, LocalDate today, Set<String> hostIds) {
        String m = member.id();
        URI file = s.file().uri();
        String id = id(s.id());
        if (id == null || !hostIds.add(id)) {
            return new Refusal(m, s.id(), file, Reason.BAD_ID, id == null
                    ? "'" + s.id() + "' cannot be a host id (expected: [a-z0-9-]{1,64})"
                    : "'" + id + "' is used twice in the organization file");
        }
        if (!s.file().readable()) {
            return new Refusal(m, id, file, Reason.UNREADABLE, s.file().problem());
        }
        PropertiesFile p = s.file().properties();
        Optional<String> fileClass = p.get("file.class");
        if (fileClass.isPresent() && !fileClass.get().equalsIgnoreCase("service")) {
            return new Refusal(m, id, file, Reason.NOT_A_SERVICE, "file.class is '" + fileClass.get() + "'");
        }
        List<String> written = p.list("service.registration");
        List<String> registration = written.stream().map(r -> r.toUpperCase(Locale.ROOT)).toList();
        boolean none = registration.contains("NONE");
        if (!none && !registration.contains("FREE")) {
            return new Refusal(m, id, file, Reason.NOT_PUBLIC, "service.registration is "
                    + (written.isEmpty() ? "not given" : String.join(";", written))
                    + " (expected: None or Free, a service open to anyone)");
        }
        String software = shorten(p.get("software.name").orElse(""), MAX_NAME);
        Optional<Software> known = softwares.declaredAs(software);
        Optional<String> service = known.flatMap(k -> k.services().stream().filter(inCatalogue).findFirst());
        if (service.isEmpty()) {
            return new Refusal(m, id, file, Reason.UNKNOWN_SOFTWARE, software.isEmpty() ? "no software.name"
                    : "software.name '" + software + "' is not a service the broker offers");
        }
        Optional<LocalDate> end = p.get("service.enddate").flatMap(ChatonsDates::day);
        if (end.isPresent() && end.get().isBefore(today)) {
            return new Refusal(m, id, file, Reason.SERVICE_ENDED, "service.enddate " + end.get() + " has passed");
        }
        Optional<String> website = p.get("service.website");
        if (website.isEmpty()) {
            return new Refusal(m, id, file, Reason.NO_WEBSITE, "no service.website: nowhere to send people");
        }
        URI url;
        try {
            url = file.resolve(website.get().replace(" ", "%20"));
        } catch (IllegalArgumentException e) {
            return new Refusal(m, id, file, Reason.BAD_ADDRESS, "service.website '" + website.get() + "' is not a URL");
        }
        Optional<String> refused = Addresses.refusal(url, false);
        if (refused.isPresent()) {
            return new Refusal(m, id, file, Reason.BAD_ADDRESS, "service.website " + url + ": " + refused.get());
        }
        if (domains.stream().noneMatch(d -> Places.isUnder(url, d))) {
            return new Refusal(m, id, file, Reason.FOREIGN_DOMAIN, "service.website " + url.getHost()
                    + " is not under the organization's domains " + domains);
        }
        String rooms = p.get(ROOMS).map(String::strip).orElse(null);
        String badRooms = RoomsSetting.problem(rooms);
        if (badRooms != null) {
            return new Refusal(m, id, file, Reason.BAD_ROOMS, ROOMS + ": " + badRooms);
        }
        String level = p.upper("service.status.level").orElse("");
        boolean full = p.upper("service.registration.load").map("FULL"::equals).orElse(false);
        return new DeclaredHost(member, id, service.get(), software, url, known.get().publicProbe(), !none, full,
                DOWN_LEVELS.contains(level) ? HostStatus.DOWN : HostStatus.UP, level, file, rooms);
    }

    /** Why the organization's membership is over, or empty while it is in force. */
    static Optional<String> membershipEnded(PropertiesFile p, String fed, LocalDate today) {
        String prefix = "organization.memberof." + fed + ".";
        if (p.upper(prefix + "status.level").map("AWAY"::equals).orElse(false)) {
            return Optional.of(prefix + "status.level is AWAY");
        }
        Optional<LocalDate> end = p.get(prefix + "enddate").flatMap(ChatonsDates::day);
        if (end.isPresent() && end.get().isBefore(today)) {
            return Optional.of(prefix + "enddate " + end.get() + " has passed");
        }
        if (p.upper("organization.status.level").map("AWAY"::equals).orElse(false)) {
            return Optional.of("organization.status.level is AWAY");
        }
        return Optional.empty();
    }

    /** The organization's own domains: its file's host, its website's host, and the members file's. */
    private static Set<String> domains(URI orgFile, PropertiesFile p, Optional<Member> listed) {
        Set<String> domains = new LinkedHashSet<>();
        if (orgFile.getHost() != null) {
            domains.add(orgFile.getHost().toLowerCase(Locale.ROOT));
        }
        p.get("organization.website").map(w -> {
            try {
                return URI.create(w.strip()).getHost();
            } catch (IllegalArgumentException e) {
                return null;
            }
        }).map(h -> h.toLowerCase(Locale.ROOT)).ifPresent(h -> {
            domains.add(h);
            if (h.startsWith("www.") && h.indexOf('.', 4) > 0) {
                domains.add(h.substring(4)); // www.example.org's services are at pad.example.org
            }
        });
        listed.ifPresent(m -> domains.addAll(m.domains()));
        return domains;
    }

    private static Member declaredMember(String id, PropertiesFile p, Set<String> domains, LocalDate today,
                                         String fed) {
        String name = shorten(p.get("organization.name").orElse(id), MAX_NAME);
        String country = p.upper("organization.country.code").filter(Places::isCountry).orElse("");
        LocalDate until = p.get("organization.memberof." + fed + ".enddate").flatMap(ChatonsDates::day)
                .filter(d -> !d.isBefore(today)).orElse(NO_END);
        // No token: a declared member has no agent. The members file gives it one when it installs the agent.
        return new Member(id, name, "", List.copyOf(domains), until, country, List.of());
    }

    private static String shorten(String text, int max) {
        String flat = text.replaceAll("\\s+", " ").strip();
        return flat.length() <= max ? flat : flat.substring(0, max - 3) + "...";
    }

    /** A subs id as a member or host id: lower case, '_' as '-'; null when it still cannot be one. */
    static String id(String subsId) {
        String id = subsId.toLowerCase(Locale.ROOT).replace('_', '-').replace('.', '-');
        return WireRules.isId(id) ? id : null;
    }
}
