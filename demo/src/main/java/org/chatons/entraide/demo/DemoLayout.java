package org.chatons.entraide.demo;

import java.util.List;

/**
 * Who is in the demo federation and what each member offers: four imaginary associations, several services
 * each, some services offered by several members so the broker has a choice to make.
 */
public final class DemoLayout {

    /**
     * One host.
     *
     * @param id       its id within the member
     * @param service  the service it offers
     * @param software the software it imitates
     * @param capacity the users the member says it can serve
     * @param meanLoad its usual share of capacity in use
     */
    public record Host(String id, String service, String software, int capacity, double meanLoad) {
    }

    /**
     * One member.
     *
     * @param id        its id, as in the members file and its agent's configuration
     * @param name      its name
     * @param country   where it is
     * @param languages the languages its services speak
     * @param hosts     what it offers
     */
    public record Member(String id, String name, String country, List<String> languages, List<Host> hosts) {
    }

    /**
     * A member that installs no agent and only publishes ChatonsInfos files: the broker reads them and probes its
     * services from outside.
     *
     * @param id        its {@code subs.<id>} in the federation file
     * @param name      its {@code organization.name}
     * @param country   its {@code organization.country.code}
     * @param hosts     its public services, each with the {@code software.name} its file declares
     * @param refused   a service it declares that the broker does not offer (needs an account), or null
     */
    public record DeclaredMember(String id, String name, String country, List<DeclaredHost> hosts, String refused) {
    }

    /**
     * A declared service.
     *
     * @param host         the stand-in's layout (software: the stand-in's API)
     * @param softwareName {@code software.name} in its ChatonsInfos file
     */
    public record DeclaredHost(Host host, String softwareName) {
    }

    private DemoLayout() {
    }

    /** Members of the demo federation without an agent: the picker shows their services as declared. */
    public static List<DeclaredMember> declared() {
        return List.of(
                new DeclaredMember("chaton-vert", "Chaton Vert", "FR", List.of(
                        new DeclaredHost(new Host("pad", "pad", "etherpad", 40, 0.40), "Etherpad"),
                        new DeclaredHost(new Host("notes", "notes", "hedgedoc", 60, 0.30), "HedgeDoc"),
                        new DeclaredHost(new Host("sondage", "poll", "http", 200, 0.20), "Framadate")), "Nextcloud"),
                new DeclaredMember("ronron", "Ronron Hébergement", "BE", List.of(
                        new DeclaredHost(new Host("pad", "pad", "etherpad", 30, 0.50), "Etherpad"),
                        new DeclaredHost(new Host("paste", "paste", "http", 100, 0.20), "PrivateBin"),
                        new DeclaredHost(new Host("visio", "visio", "jitsi", 50, 0.30), "Jitsi Meet")), null));
    }

    /** The federation the demo starts. */
    public static List<Member> federation() {
        return List.of(
                new Member("garenne", "La Garenne Libre", "FR", List.of("fr", "en"), List.of(
                        new Host("pad-1", "pad", "etherpad", 60, 0.45),
                        new Host("visio-1", "visio", "jitsi", 80, 0.35),
                        new Host("cloud", "drive", "nextcloud", 150, 0.30),
                        new Host("drop", "drop", "lufi", 500, 0.20))),
                new Member("atelier", "L'Atelier Numérique Solidaire", "FR", List.of("fr"), List.of(
                        new Host("pad", "pad", "etherpad", 40, 0.55),
                        new Host("tube", "video", "peertube", 200, 0.40),
                        new Host("lien", "shortener", "lstu", 1000, 0.10))),
                new Member("rhizome", "Association Rhizome", "BE", List.of("fr", "nl", "en"), List.of(
                        new Host("pad-a", "pad", "etherpad", 80, 0.30),
                        new Host("social", "microblog", "mastodon", 300, 0.55),
                        new Host("agenda", "events", "mobilizon", 120, 0.40))),
                new Member("mouette", "La Mouette Numérique", "FR", List.of("fr", "br"), List.of(
                        new Host("visio", "visio", "jitsi", 100, 0.40),
                        new Host("nuage", "drive", "nextcloud", 250, 0.45),
                        new Host("pleroma", "microblog", "nodeinfo", 150, 0.35),
                        new Host("sondage", "poll", "http", 300, 0.25))));
    }
}
