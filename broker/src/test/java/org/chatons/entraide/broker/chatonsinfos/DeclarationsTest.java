package org.chatons.entraide.broker.chatonsinfos;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.chatons.entraide.broker.Fixtures;
import org.chatons.entraide.broker.chatonsinfos.Refusal.Reason;
import org.chatons.entraide.broker.members.MemberDirectory;
import org.chatons.entraide.probes.software.PublicProbe;
import org.chatons.entraide.probes.software.Softwares;
import org.chatons.entraide.protocol.HostStatus;
import org.chatons.entraide.protocol.chatonsinfos.PropertiesFile;
import org.junit.jupiter.api.Test;

/** The rules that turn ChatonsInfos files into members, hosts and refusals ({@link Declarations}), on hand-made crawls. */
class DeclarationsTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 30);
    static final Softwares SOFTWARES = Softwares.load();
    static final Set<String> CATALOGUE = Set.of("pad", "visio", "drive", "microblog", "poll", "notes", "paste");
    private final Declarations declarations = new Declarations(new MemberDirectory(List.of(Fixtures.member("alpha"))),
            CATALOGUE::contains, SOFTWARES);

    static PublicProbe probe(String software) {
        return SOFTWARES.named(software).orElseThrow().publicProbe();
    }

    static PropertiesFile props(String text) {
        return PropertiesFile.parseText(text);
    }

    static Crawl.File file(String url, String text) {
        return new Crawl.File(URI.create(url), props(text), null);
    }

    /** One organization at https://org.example/ (website https://www.org.example/) with these services. */
    static Crawl crawl(String orgId, String orgText, String... services) {
        List<Crawl.Service> list = new ArrayList<>();
        for (int i = 0; i < services.length; i++) {
            list.add(new Crawl.Service("s" + i, file("https://org.example/s" + i + ".properties", services[i])));
        }
        return new Crawl(URI.create("https://fed.example/federation.properties"),
                props("federation.name = CHATONS\n"),
                List.of(new Crawl.Organization(orgId, file("https://org.example/org.properties", orgText), list)),
                1, Instant.parse("2026-11-30T10:00:00Z"), Duration.ZERO);
    }

    static final String ORG = "organization.name = Org\norganization.website = https://www.other-name.example/\n"
            + "organization.country.code = be\norganization.memberof.chatons.status.level = ACTIVE\n";

    static String service(String software, String website, String extra) {
        return "file.class = service\nsoftware.name = " + software + "\nservice.website = " + website
                + "\nservice.registration = None\n" + extra;
    }

    /** An Etherpad open to anyone at that address, with these further lines. */
    static String pad(String website, String extra) {
        return service("Etherpad", website, extra);
    }

    @Test
    void aServiceMaySendPeopleOnlyIntoItsOrganizationsDomains() {
        DeclaredView view = declarations.of(crawl("org", ORG, pad("https://pad.org.example/", ""),
                pad("https://org.example/pad/", ""), pad("https://pad.other-name.example/", ""),
                pad("https://pad.evil.example/", ""), pad("https://org.example.evil.example/", "")), TODAY);
        assertThat(view.hosts()).extracting(h -> h.url().toString()).containsExactly("https://pad.org.example/",
                "https://org.example/pad/", "https://pad.other-name.example/");
        assertThat(view.refusals()).extracting(Refusal::reason).containsExactly(Reason.FOREIGN_DOMAIN, Reason.FOREIGN_DOMAIN);
        assertThat(view.refusals().get(0).detail()).contains("pad.evil.example").contains("org.example");
    }

    @Test
    void theMembersFileDomainsCountForAMemberListedThere() {
        DeclaredView view = declarations.of(crawl("alpha", ORG,
                service("Etherpad", "https://pad.alpha.example.org/", "")), TODAY);
        assertThat(view.hosts()).hasSize(1);
        assertThat(view.members().get(0).inMembersFile()).isTrue();
        assertThat(view.members().get(0).member()).isEqualTo(Fixtures.member("alpha"));
    }

    @Test
    void aDeclaredMemberTakesItsNameCountryAndMembershipEnd() {
        DeclaredView view = declarations.of(crawl("Chaton_Vert", ORG
                + "organization.memberof.chatons.enddate = 31/12/2027\n"), TODAY);
        assertThat(view.members()).singleElement().satisfies(m -> {
            assertThat(m.member().id()).isEqualTo("chaton-vert");
            assertThat(m.member().name()).isEqualTo("Org");
            assertThat(m.member().country()).isEqualTo("BE");
            assertThat(m.member().confirmedUntil()).isEqualTo(LocalDate.of(2027, 12, 31));
            assertThat(m.inMembersFile()).isFalse();
        });
        assertThat(declarations.of(crawl("org", ORG), TODAY).members().get(0).member().confirmedUntil())
                .isEqualTo(Declarations.NO_END);
    }

    @Test
    void membershipEndsWhenAwayOrPastItsEndDate() {
        assertThat(declarations.of(crawl("a", ORG.replace("ACTIVE", "away")), TODAY).refusals())
                .extracting(Refusal::reason).containsExactly(Reason.MEMBERSHIP_ENDED);
        assertThat(declarations.of(crawl("a", ORG + "organization.memberof.chatons.enddate = 2026-11-29\n"), TODAY)
                .refusals()).extracting(Refusal::detail).containsExactly("organization.memberof.chatons.enddate 2026-11-29 has passed");
        assertThat(declarations.of(crawl("a", ORG + "organization.memberof.chatons.enddate = 2026-11-30\n"), TODAY)
                .members()).hasSize(1);
        assertThat(declarations.of(crawl("a", ORG.replace("ACTIVE", "IDLE")), TODAY).members()).hasSize(1);
        assertThat(declarations.of(crawl("a", "organization.status.level = AWAY\n"), TODAY).refusals())
                .extracting(Refusal::reason).containsExactly(Reason.MEMBERSHIP_ENDED);
        // Another federation's membership says nothing of this one.
        assertThat(declarations.of(crawl("a", "organization.memberof.other.status.level = AWAY\n"), TODAY).members())
                .hasSize(1);
    }

    @Test
    void onlyServicesOpenToAnyoneAreOffered() {
        DeclaredView view = declarations.of(crawl("org", ORG,
                service("Etherpad", "https://pad.org.example/", "service.registration = none\n"),
                service("Mastodon", "https://toot.org.example/", "service.registration = Free;Member\n"),
                service("Nextcloud", "https://cloud.org.example/", "service.registration = Member\n"),
                service("Nextcloud", "https://cloud2.org.example/", "service.registration = Client\n"),
                service("Nextcloud", "https://cloud3.org.example/", "service.registration =\n")), TODAY);
        assertThat(view.hosts()).extracting(DeclaredHost::software).containsExactly("Etherpad", "Mastodon");
        assertThat(view.hosts().get(1).accountNeeded()).isTrue();
        assertThat(view.hosts().get(0).accountNeeded()).isFalse();
        assertThat(view.refusals()).extracting(Refusal::reason).containsOnly(Reason.NOT_PUBLIC).hasSize(3);
        assertThat(view.refusals().get(2).detail()).contains("not given");
    }

    @Test
    void softwareNamesMapToCatalogueServicesWhateverTheirSpelling() {
        DeclaredView view = declarations.of(crawl("org", ORG,
                service("Jitsi Meet", "https://a.org.example/", ""), service("jitsi-meet", "https://b.org.example/", ""),
                service("HedgeDoc", "https://c.org.example/", ""), service("PrivateBin", "https://d.org.example/", ""),
                service("Akkoma", "https://e.org.example/", ""), service("Framadate", "https://f.org.example/", ""),
                service("Lufi", "https://g.org.example/", ""), service("WordPress", "https://h.org.example/", ""),
                "service.website = https://i.org.example/\nservice.registration = None\n"), TODAY);
        assertThat(view.hosts()).extracting(h -> h.service() + ":" + h.probe()).containsExactly("visio:" + probe("jitsi"),
                "visio:" + probe("jitsi"), "notes:" + probe("hedgedoc"), "paste:" + probe("privatebin"),
                "microblog:" + probe("akkoma"), "poll:" + probe("framadate"));
        assertThat(probe("jitsi")).isSameAs(probe("framadate")).isNotSameAs(probe("hedgedoc")).isNotSameAs(probe("akkoma"));
        assertThat(view.refusals()).extracting(r -> r.reason() + " " + r.detail()).containsExactly(
                "UNKNOWN_SOFTWARE software.name 'Lufi' is not a service the broker offers",
                "UNKNOWN_SOFTWARE software.name 'WordPress' is not a service the broker offers",
                "UNKNOWN_SOFTWARE no software.name");
    }

    @Test
    void fullAndErrorOrWorseStayListedButClosedOrDown() {
        DeclaredView view = declarations.of(crawl("org", ORG,
                pad("https://a.org.example/", "service.registration.load = full\nservice.status.level = OK\n"),
                pad("https://b.org.example/", "service.status.level = ALERT\n"),
                pad("https://c.org.example/", "service.status.level = ERROR\n"),
                pad("https://d.org.example/", "service.status.level = over\n"),
                pad("https://e.org.example/", "service.status.level = VOID\n")), TODAY);
        assertThat(view.hosts()).extracting(h -> h.full() + " " + h.status()).containsExactly("true UP", "false UP",
                "false DOWN", "false DOWN", "false DOWN");
    }

    @Test
    void unusableServicesAreRefusedWithTheirReason() {
        DeclaredView view = declarations.of(crawl("org", ORG,
                service("Etherpad", "http://pad.org.example/", ""),
                service("Etherpad", "https://pad2.org.example/", "service.enddate = 01/01/2025\n"),
                "file.class = service\nsoftware.name = Etherpad\nservice.registration = None\n",
                "file.class = Organization\n",
                service("Etherpad", "http://localhost:9001/", "")), TODAY);
        assertThat(view.refusals()).extracting(Refusal::reason).containsExactly(Reason.BAD_ADDRESS,
                Reason.SERVICE_ENDED, Reason.NO_WEBSITE, Reason.NOT_A_SERVICE, Reason.FOREIGN_DOMAIN);
    }

    @Test
    void serviceRoomsTurnsAHostsNamedRoomsOffOrShapesThemAndAHostileShapeIsRefused() {
        List<String> rooms = List.of("off", "meet/{name}", "", "https://evil.example/{name}", "//evil.example/{name}");
        DeclaredView view = declarations.of(crawl("org", ORG, rooms.stream().map(r -> service("Jitsi Meet",
                "https://visio-" + rooms.indexOf(r) + ".org.example/", r.isEmpty() ? "" : "service.rooms = " + r + "\n"))
                .toArray(String[]::new)), TODAY);

        assertThat(view.hosts()).extracting(DeclaredHost::rooms).containsExactly("off", "meet/{name}", null);
        assertThat(view.refusals()).extracting(Refusal::reason).containsExactly(Reason.BAD_ROOMS, Reason.BAD_ROOMS);
        assertThat(view.refusals().get(0).detail()).startsWith("service.rooms: ").contains("must stay on the host");
    }

    @Test
    void unreadableFilesAndBadIdsCostThemselvesOnly() {
        Crawl crawl = new Crawl(URI.create("https://fed.example/f.properties"), props("federation.name = X\n"), List.of(
                new Crawl.Organization("bad id!", file("https://a.example/o.properties", ORG), List.of()),
                new Crawl.Organization("gone", new Crawl.File(URI.create("https://b.example/o.properties"), null,
                        "answers 404"), List.of()),
                new Crawl.Organization("ok", file("https://org.example/o.properties", ""), List.of(
                        new Crawl.Service("pad", file("https://org.example/p.properties",
                                service("Etherpad", "https://org.example/", ""))),
                        new Crawl.Service("PAD", file("https://org.example/p2.properties",
                                service("Etherpad", "https://org.example/2/", ""))),
                        new Crawl.Service("x", new Crawl.File(URI.create("https://org.example/x"), null, "timeout"))))),
                3, Instant.EPOCH, Duration.ZERO);
        DeclaredView view = declarations.of(crawl, TODAY);
        assertThat(view.members()).extracting(m -> m.member().id()).containsExactly("ok");
        assertThat(view.hosts()).extracting(DeclaredHost::id).containsExactly("pad");
        assertThat(view.refusals()).extracting(r -> r.member() + "/" + r.host() + " " + r.reason()).containsExactly(
                "bad id!/null BAD_ID", "gone/null UNREADABLE", "ok/PAD BAD_ID", "ok/x UNREADABLE");
    }

    @Test
    void namesFromTheFilesAreKeptShortAndOnOneLine() {
        DeclaredView view = declarations.of(crawl("org", "organization.name = " + "Chaton ".repeat(50)
                + "\norganization.website = https://org.example/\n", service("Etherpad\\n" + "x".repeat(300),
                "https://org.example/", "")), TODAY);
        assertThat(view.members().get(0).member().name()).hasSize(Declarations.MAX_NAME).endsWith("...");
        assertThat(view.refusals().get(0).detail()).hasSizeLessThanOrEqualTo(Refusal.MAX_DETAIL).doesNotContain("\n");
    }

    @Test
    void declaredHostsKnowHowToBeProbed() {
        DeclaredHost host = declarations.of(crawl("org", ORG, service("Nextcloud", "https://cloud.org.example/",
                "service.registration = Free\n")), TODAY).hosts().get(0);
        assertThat(host.probe()).isSameAs(probe("nextcloud"));
        assertThat(host.status()).isEqualTo(HostStatus.UP);
        assertThat(host.id()).isEqualTo("s0");
    }
}
