package org.chatons.entraide.demo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.chatons.entraide.demo.standins.StandIn;

/**
 * The demo federation's ChatonsInfos files, as members publish them: a federation file listing
 * the organizations, an organization file per member listing its services, a service file per service. The broker
 * reads them from {@code <work>/chatonsinfos/federation.properties} (a file path: its subs are relative paths).
 * Members without an agent are offered from them; garenne, which runs an agent, publishes its pad's file too, and
 * its agent keeps that file's {@code service.registration.load} true.
 */
final class ChatonsInfosFiles {

    /** The federation's name, hence the {@code organization.memberof.demo.*} keys. */
    static final String FEDERATION = "Demo";
    /** The agent member that also publishes a ChatonsInfos file for one of its hosts. */
    static final String PUBLISHING_AGENT = "garenne";
    static final String PUBLISHED_HOST = "pad-1";

    private ChatonsInfosFiles() {
    }

    /** Writes every file; returns the federation file. */
    static Path write(Path dir, List<StandIn> standIns) throws IOException {
        Files.createDirectories(dir);
        String now = LocalDateTime.now().truncatedTo(ChronoUnit.SECONDS).toString();
        StringBuilder federation = header("Federation", now)
                .append("# [Federation]\nfederation.name = ").append(FEDERATION).append('\n')
                .append("federation.description = La fédération de la démo d'Entraide\n")
                .append("federation.website = https://entraide.chatons.org/\n\n# [Subs]\n");
        for (DemoLayout.DeclaredMember member : DemoLayout.declared()) {
            // Quoted as the YunoHost package writes subs lines.
            federation.append("subs.").append(member.id().replace('-', '_')).append(" = '").append(member.id())
                    .append("/organization.properties'\n");
            StringBuilder org = organization(member.name(), member.country(), now);
            for (DemoLayout.DeclaredHost host : member.hosts()) {
                StandIn standIn = standIn(standIns, member.id(), host.host().id());
                org.append("subs.").append(host.host().id()).append(" = ").append(host.host().id()).append(".properties\n");
                write(dir.resolve(member.id()).resolve(host.host().id() + ".properties"),
                        service(host.softwareName(), standIn.url(), "None", now));
            }
            if (member.refused() != null) {
                org.append("subs.cloud = cloud.properties\n");
                write(dir.resolve(member.id()).resolve("cloud.properties"),
                        service(member.refused(), "http://localhost:1/", "Member", now));
            }
            write(dir.resolve(member.id()).resolve("organization.properties"), org);
        }
        federation.append("subs.").append(PUBLISHING_AGENT).append(" = ").append(PUBLISHING_AGENT)
                .append("/organization.properties\n");
        StandIn pad = standIn(standIns, PUBLISHING_AGENT, PUBLISHED_HOST);
        write(dir.resolve(PUBLISHING_AGENT).resolve("organization.properties"),
                organization("La Garenne Libre", "FR", now).append("subs.").append(PUBLISHED_HOST).append(" = ")
                        .append(PUBLISHED_HOST).append(".properties\n"));
        write(publishedFile(dir), service("Etherpad", pad.url(), "None", now));
        Path file = dir.resolve("federation.properties");
        write(file, federation);
        return file;
    }

    /** The file garenne's agent keeps true. */
    static Path publishedFile(Path dir) {
        return dir.resolve(PUBLISHING_AGENT).resolve(PUBLISHED_HOST + ".properties");
    }

    private static StringBuilder header(String fileClass, String now) {
        return new StringBuilder("# [File]\nfile.class = ").append(fileClass).append("\nfile.protocol = ChatonsInfos-0.5\n")
                .append("file.datetime = ").append(now).append("\nfile.generator = Entraide demo\n\n");
    }

    private static StringBuilder organization(String name, String country, String now) {
        return header("Organization", now).append("# [Organization]\norganization.name = ").append(name).append('\n')
                .append("organization.website = http://localhost/\norganization.country.code = ").append(country)
                .append("\norganization.status.level = ACTIVE\n\n# [Membership]\n")
                .append("organization.memberof.demo.startdate = 01/09/2021\n")
                .append("organization.memberof.demo.status.level = ACTIVE\n\n# [Subs]\n");
    }

    private static StringBuilder service(String software, String website, String registration, String now) {
        return header("Service", now).append("# [Service]\nservice.name = ").append(software).append('\n')
                .append("service.website = ").append(website).append("\nservice.status.level = OK\n")
                .append("service.registration = ").append(registration).append('\n')
                .append("service.registration.load = OPEN\n\n# [Software]\nsoftware.name = ").append(software)
                .append("\n\n# [Host]\nhost.server.type = VIRTUAL\nhost.provider.type = HOME\n");
    }

    private static StandIn standIn(List<StandIn> standIns, String member, String host) {
        return standIns.stream().filter(s -> s.member().equals(member) && s.hostId().equals(host)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no stand-in for " + member + "/" + host));
    }

    private static void write(Path file, CharSequence text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
