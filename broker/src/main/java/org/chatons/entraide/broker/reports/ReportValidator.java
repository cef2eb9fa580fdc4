package org.chatons.entraide.broker.reports;

import jakarta.inject.Singleton;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.chatons.entraide.broker.catalogue.ServiceCatalogue;
import org.chatons.entraide.broker.config.BrokerConfig;
import org.chatons.entraide.broker.members.Member;
import org.chatons.entraide.broker.members.MembersFile;
import org.chatons.entraide.protocol.HostReport;
import org.chatons.entraide.protocol.Report;

/**
 * Checks a parsed report field by field and collects every error, so an agent's operator fixes all of them at
 * once. Structural errors are 400; a report about another member, or URLs outside the member's domains, 403.
 */
@Singleton
public final class ReportValidator {

    static final int MAX_HOSTS = 1000;
    static final int MAX_INTERVAL_SECONDS = 3600;
    static final int MAX_DETAIL = 200;
    static final int MAX_URL = 2048;
    /** Jitsi's stress may exceed 1; past this a figure is a bug, not a load. */
    static final double MAX_LOAD = 100;
    private static final Pattern SOFTWARE = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

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
        if (report.member() == null) {
            errors.add(new FieldError("member", "required"));
        }
        if (report.sentAt() == null) {
            errors.add(new FieldError("sentAt", "required (an ISO-8601 instant such as 2026-11-23T18:00:00Z)"));
        } else if (report.sentAt().isAfter(now.plus(maxClockAhead))) {
            errors.add(new FieldError("sentAt", "is more than " + maxClockAhead.toSeconds()
                    + " s ahead of the broker's clock (" + now + "): check the agent's clock"));
        }
        Integer interval = report.intervalSeconds();
        if (interval == null || interval < 1 || interval > MAX_INTERVAL_SECONDS) {
            errors.add(new FieldError("intervalSeconds", interval == null ? "required"
                    : "must be between 1 and " + MAX_INTERVAL_SECONDS + ", got " + interval));
        }
        List<HostReport> hosts = report.hosts();
        if (hosts == null || hosts.isEmpty()) {
            errors.add(new FieldError("hosts", "required: a list of at least one host"));
        } else if (hosts.size() > MAX_HOSTS) {
            errors.add(new FieldError("hosts", "at most " + MAX_HOSTS + " hosts per report, got " + hosts.size()));
        } else {
            Set<String> ids = new HashSet<>();
            for (int i = 0; i < hosts.size(); i++) {
                checkHost(hosts.get(i), "hosts[" + i + "]", ids, errors);
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

    private void checkHost(HostReport h, String at, Set<String> ids, List<FieldError> errors) {
        if (h == null) {
            errors.add(new FieldError(at, "must be an object"));
            return;
        }
        if (h.id() == null || !MembersFile.ID.matcher(h.id()).matches()) {
            errors.add(new FieldError(at + ".id", h.id() == null ? "required" : "'" + h.id() + "' (expected: [a-z0-9-]{1,64})"));
        } else if (!ids.add(h.id())) {
            errors.add(new FieldError(at + ".id", "'" + h.id() + "' appears twice in the report"));
        }
        if (h.service() == null) {
            errors.add(new FieldError(at + ".service", "required"));
        } else if (!catalogue.contains(h.service())) {
            errors.add(new FieldError(at + ".service", "unknown service '" + h.service() + "' (expected one of "
                    + catalogue.all().stream().map(s -> s.id()).toList() + ")"));
        }
        if (h.software() == null || !SOFTWARE.matcher(h.software()).matches()) {
            errors.add(new FieldError(at + ".software", h.software() == null ? "required"
                    : "'" + h.software() + "' (expected: lower-case letters, digits, '.', '_' or '-')"));
        }
        String urlProblem = urlProblem(h.url());
        if (urlProblem != null) {
            errors.add(new FieldError(at + ".url", urlProblem));
        }
        if (h.status() == null) {
            errors.add(new FieldError(at + ".status", "required (UP, DEGRADED or DOWN)"));
        }
        if (h.acceptsNewUsers() == null) {
            errors.add(new FieldError(at + ".acceptsNewUsers", "required (true or false)"));
        }
        // Null (or absent) is an unknown count: software that counts no users says so rather than send 0.
        if (h.activeUsers() != null && h.activeUsers() < 0) {
            errors.add(new FieldError(at + ".activeUsers", "must be 0 or more (null when unknown), got "
                    + h.activeUsers()));
        }
        if (h.capacityUsers() == null || h.capacityUsers() < 1) {
            errors.add(new FieldError(at + ".capacityUsers", h.capacityUsers() == null ? "required"
                    : "must be 1 or more, got " + h.capacityUsers()));
        }
        if (h.load() != null && !(Double.isFinite(h.load()) && h.load() >= 0 && h.load() <= MAX_LOAD)) {
            errors.add(new FieldError(at + ".load", "must be a number between 0 and " + (int) MAX_LOAD
                    + " (1.0 = full), got " + h.load()));
        }
        if (h.detail() != null && h.detail().length() > MAX_DETAIL) {
            errors.add(new FieldError(at + ".detail", "at most " + MAX_DETAIL + " characters"));
        }
    }

    /** Why a host URL is unusable, or null when it is fine. */
    static String urlProblem(String url) {
        if (url == null) {
            return "required";
        }
        if (url.length() > MAX_URL) {
            return "at most " + MAX_URL + " characters";
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return "'" + url + "' is not a valid URL: " + e.getReason();
        }
        if (uri.getHost() == null || uri.getScheme() == null || uri.getRawUserInfo() != null) {
            return "'" + url + "' must be an absolute URL with a host and no user name";
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (scheme.equals("https") || scheme.equals("http") && isLoopback(uri.getHost())) {
            return null;
        }
        return "'" + url + "' must use https (http only on localhost or 127.0.0.0/8)";
    }

    /** By name only: no DNS lookup on a report's content. */
    static boolean isLoopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return h.equals("localhost") || h.matches("127(\\.\\d{1,3}){3}") || h.equals("[::1]");
    }
}
