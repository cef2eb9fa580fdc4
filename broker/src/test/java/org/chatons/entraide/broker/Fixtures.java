package org.chatons.entraide.broker;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.chatons.entraide.broker.config.BrokerConfig;
import org.chatons.entraide.broker.config.Sha256;
import org.chatons.entraide.broker.counting.CountingRules;
import org.chatons.entraide.broker.members.Member;
import org.chatons.entraide.protocol.HostReport;
import org.chatons.entraide.protocol.HostStatus;
import org.chatons.entraide.protocol.Report;

/** Members, hosts and reports for tests, with only what a test cares about to spell out. */
public final class Fixtures {

    private Fixtures() {
    }

    /**
     * The broker's settings for tests that build beans by hand: application.yml's defaults, with these files (the
     * drains file may be null).
     */
    public static BrokerConfig config(Path membersFile, Path drainsFile) {
        return new BrokerConfig(membersFile, 3, Duration.ofSeconds(30), Duration.ofMinutes(15), 0.85, "d-choices", 2,
                1, 0.01, null, null, drainsFile == null ? null : drainsFile.toString(), List.of(),
                Duration.ofSeconds(30), Duration.ofMinutes(5), Duration.ofHours(24), Duration.ofSeconds(30),
                "Europe/Paris");
    }

    /**
     * What a report says of {@code sent} redirects sent evenly over its interval: of them, as many should still be
     * there at its end as the rules' fastest departures leave of arrivals spread evenly over it.
     */
    public static CountingRules.Evidence evenly(CountingRules rules, int sent, int before, int after,
                                                Duration between, Duration stay) {
        return rules.evidence(sent, sent * CountingRules.stillThereIfEven(between, stay), before, after, between,
                stay);
    }

    /** The counting rules of application.yml's defaults, for one broker. */
    public static CountingRules counting() {
        return new CountingRules(Duration.ofSeconds(5), Duration.ofSeconds(10), 0.05, 20, 1, 2);
    }

    public static Member member(String id) {
        return member(id, LocalDate.parse("2027-06-30"));
    }

    public static Member member(String id, LocalDate confirmedUntil) {
        return new Member(id, "Member " + id, Sha256.hex("token-" + id), List.of(id + ".example.org", "localhost"),
                confirmedUntil, "FR", List.of("fr"));
    }

    /** A member in that country, speaking those languages. */
    public static Member member(String id, String country, String... languages) {
        return new Member(id, "Member " + id, Sha256.hex("token-" + id), List.of(id + ".example.org", "localhost"),
                LocalDate.parse("2027-06-30"), country, List.of(languages));
    }

    /** An UP host accepting users, with the given users and capacity, under the member's domain. */
    public static HostReport host(String member, String id, String service, int activeUsers, int capacity) {
        return new HostReport(id, service, "etherpad", "https://" + id + "." + member + ".example.org/",
                HostStatus.UP, true, activeUsers, capacity, null, null);
    }

    /** The same host, whose software gives no user count (Lufi, Lstu, a plain HTTP check). */
    public static HostReport usersUnknown(HostReport h) {
        return new HostReport(h.id(), h.service(), h.software(), h.url(), h.status(), h.acceptsNewUsers(),
                null, h.capacityUsers(), h.load(), h.detail());
    }

    public static HostReport withStatus(HostReport h, HostStatus status) {
        return new HostReport(h.id(), h.service(), h.software(), h.url(), status, h.acceptsNewUsers(),
                h.activeUsers(), h.capacityUsers(), h.load(), h.detail());
    }

    public static HostReport closed(HostReport h) {
        return new HostReport(h.id(), h.service(), h.software(), h.url(), h.status(), false,
                h.activeUsers(), h.capacityUsers(), h.load(), h.detail());
    }

    /** A report from an agent reporting every 30 s, its default. */
    public static Report report(String member, Instant sentAt, HostReport... hosts) {
        return report(member, sentAt, 30, hosts);
    }

    public static Report report(String member, Instant sentAt, int intervalSeconds, HostReport... hosts) {
        return new Report(member, sentAt, intervalSeconds, List.of(hosts));
    }
}
