package org.chatons.entraide.broker.reports;

import jakarta.inject.Singleton;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.chatons.entraide.broker.catalogue.ServiceCatalogue;
import org.chatons.entraide.broker.config.BrokerConfig;
import org.chatons.entraide.broker.members.Member;
import org.chatons.entraide.protocol.HostReport;
import org.chatons.entraide.protocol.Report;
import org.chatons.entraide.protocol.RoomsSetting;
import org.chatons.entraide.protocol.WireRules;

/**
 * Checks a parsed report field by field and collects every error, so an agent's operator fixes all of them at
 * once. Structural errors are 400; a report about another member, or URLs outside the member's domains, 403.
 * What a valid field is comes from {@link WireRules}, which the agent's configuration check shares, so both say
 * the same; this class adds what needs the broker: its catalogue, its clock, the member's domains.
 */
@Singleton
public final class ReportValidator {

    private final ServiceCatalogue catalogue;
    private final Duration maxClockAhead;

    public ReportValidator(ServiceCatalogue catalogue, BrokerConfig config) {
        this.catalogue = catalogue;
        this.maxClockAhead = config.maxClockAhead();
    }

    /** Throws a {@link Rejection} naming every field at fault; returns normally for a valid report. */
    public void validate(Report report, Member member, Instant now) {
        if (report.member() != null && !report.member().equals(member.id())) {
            throw new Rejection(Outcome.FORBIDDEN, "member",
                    "'" + report.member() + "' is not the member this token belongs to");
        }
        List<FieldError> errors = new ArrayList<>();
        add(errors, "member", WireRules.requiredProblem(report.member()));
        add(errors, "sentAt", WireRules.sentAtProblem(report.sentAt()));
        if (report.sentAt() != null && report.sentAt().isAfter(now.plus(maxClockAhead))) {
            errors.add(new FieldError("sentAt", "is more than " + maxClockAhead.toSeconds()
                    + " s ahead of the broker's clock (" + now + "): check the agent's clock"));
        }
        add(errors, "intervalSeconds", WireRules.intervalProblem(report.intervalSeconds()));
        List<HostReport> hosts = report.hosts();
        String count = WireRules.hostCountProblem(hosts == null ? 0 : hosts.size());
        if (count != null) {
            errors.add(new FieldError("hosts", count));
        } else {
            Set<String> ids = new HashSet<>();
            for (int i = 0; i < hosts.size(); i++) {
                checkHost(report, hosts.get(i), "hosts[" + i + "]", ids, errors);
            }
        }
        if (!errors.isEmpty()) {
            throw new Rejection(Outcome.INVALID, errors);
        }
        List<FieldError> foreign = new ArrayList<>();
        for (int i = 0; i < hosts.size(); i++) {
            if (!member.owns(URI.create(hosts.get(i).url()))) {
                foreign.add(new FieldError("hosts[" + i + "].url", "'" + hosts.get(i).url()
                        + "' is not under the member's domains " + member.domains()));
            }
        }
        if (!foreign.isEmpty()) {
            throw new Rejection(Outcome.FORBIDDEN, foreign);
        }
    }

    private void checkHost(Report report, HostReport h, String at, Set<String> ids, List<FieldError> errors) {
        String entry = WireRules.hostEntryProblem(h);
        if (entry != null) {
            errors.add(new FieldError(at, entry));
            return;
        }
        String id = WireRules.idProblem(h.id());
        if (id != null) {
            errors.add(new FieldError(at + ".id", id));
        } else if (!ids.add(h.id())) {
            errors.add(new FieldError(at + ".id", WireRules.repeatedHostIdProblem(h.id())));
        }
        add(errors, at + ".service", WireRules.requiredProblem(h.service()));
        if (h.service() != null && !catalogue.contains(h.service())) {
            errors.add(new FieldError(at + ".service", "unknown service '" + h.service() + "' (expected one of "
                    + catalogue.all().stream().map(s -> s.id()).toList() + ")"));
        }
        add(errors, at + ".software", WireRules.softwareProblem(h.software()));
        add(errors, at + ".url", WireRules.hostUrlProblem(h.url()));
        add(errors, at + ".status", WireRules.statusProblem(h.status()));
        add(errors, at + ".acceptsNewUsers", WireRules.acceptsNewUsersProblem(h.acceptsNewUsers()));
        // Null (or absent) is an unknown count: software that counts no users says so rather than send 0.
        add(errors, at + ".activeUsers", WireRules.activeUsersProblem(h.activeUsers()));
        add(errors, at + ".capacityUsers", WireRules.capacityUsersProblem(h.capacityUsers()));
        add(errors, at + ".load", WireRules.loadProblem(h.load()));
        add(errors, at + ".detail", WireRules.detailProblem(h.detail()));
        add(errors, at + ".rooms", RoomsSetting.problem(h.rooms()));
        add(errors, at + ".measuredAt",
                WireRules.measuredAtProblem(h.measuredAt(), report.sentAt(), report.intervalSeconds()));
        add(errors, at + ".upSince",
                WireRules.upSinceProblem(h.upSince(), h.status(), h.acceptsNewUsers(), h.measuredAt(), report.sentAt()));
    }

    private static void add(List<FieldError> errors, String field, String problem) {
        if (problem != null) {
            errors.add(new FieldError(field, problem));
        }
    }
}
