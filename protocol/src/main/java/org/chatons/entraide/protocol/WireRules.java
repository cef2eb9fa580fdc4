package org.chatons.entraide.protocol;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What a valid report field is, written once for both ends of the wire: the broker's validator refuses a report
 * with these words, and the agent refuses a configuration that would lead to such a report with the same words,
 * before it sends anything. Each check answers the problem in words, or null when the value is fine; the caller
 * adds the field's name ({@code hosts[0].url}) or the configuration's key and line.
 *
 * <p>What needs the broker's own state (its service catalogue, the member's domains, its clock) is checked there.
 */
public final class WireRules {

    /** Ids of members, hosts and services. */
    public static final String ID_PATTERN = "[a-z0-9-]{1,64}";
    /** Software names ({@code etherpad}, {@code nodeinfo}...). */
    public static final String SOFTWARE_PATTERN = "[a-z0-9][a-z0-9._-]{0,63}";
    /**
     * The shortest reporting interval: below it an agent measures its services and calls every broker more often
     * than any decision needs.
     */
    public static final int MIN_INTERVAL_SECONDS = 5;
    /** The longest: past ten minutes a host's figures are too old to send new users on. */
    public static final int MAX_INTERVAL_SECONDS = 600;
    /** Hosts in one report. */
    public static final int MAX_HOSTS = 1000;
    /** Characters of a host's detail. */
    public static final int MAX_DETAIL = 200;
    /** Characters of a host's URL. */
    public static final int MAX_URL = 2048;
    /** Jitsi's stress may exceed 1; past this a figure is a bug, not a load. */
    public static final double MAX_LOAD = 100;
    /** How many reporting intervals a host's {@code measuredAt} may be older than its report's {@code sentAt}. */
    public static final int MAX_MEASUREMENT_AGE_INTERVALS = 2;

    /** What a check says of a field that must be there and is not. */
    public static final String REQUIRED = "required";

    private static final Pattern ID = Pattern.compile(ID_PATTERN);
    private static final Pattern SOFTWARE = Pattern.compile(SOFTWARE_PATTERN);
    private static final Pattern LOOPBACK_V4 =
            Pattern.compile("127(\\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}");
    /** The user-info of a URL as written, found without parsing it (a URL that does not parse is shown too). */
    private static final Pattern USER_INFO = Pattern.compile("(?<=//)[^/?#@]*@");
    private static final int SHOWN = 100;

    private WireRules() {
    }

    /** Whether a text is a valid member, host or service id. */
    public static boolean isId(String value) {
        return value != null && ID.matcher(value).matches();
    }

    /** A member's, host's or service's id. */
    public static String idProblem(String value) {
        if (value == null) {
            return REQUIRED;
        }
        return isId(value) ? null : "must be 1 to 64 of a-z, 0-9 and -, got " + quoted(value);
    }

    /** A software name. */
    public static String softwareProblem(String value) {
        if (value == null) {
            return REQUIRED;
        }
        return SOFTWARE.matcher(value).matches() ? null
                : "must be lower-case letters, digits, '.', '_' or '-' (at most 64), got " + quoted(value);
    }

    /**
     * Where users are sent: an absolute https URL, http only on a loopback host (told by its name, never by a DNS
     * lookup), no user name or password, at most {@value #MAX_URL} characters.
     */
    public static String hostUrlProblem(String url) {
        if (url == null) {
            return REQUIRED;
        }
        if (url.length() > MAX_URL) {
            return "at most " + MAX_URL + " characters, got " + url.length();
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return quoted(url) + " is not a valid URL: " + e.getReason();
        }
        String problem = userInfoProblem(uri);
        if (problem != null) {
            return problem;
        }
        if (uri.getScheme() == null || uri.getHost() == null) {
            return quoted(url) + " must be an absolute URL with a host, such as https://pad.example.org/";
        }
        return isSecureOrLoopback(uri) ? null
                : quoted(url) + " must use https (http only on localhost, 127.0.0.0/8 or [::1])";
    }

    /**
     * The rule for every address a token, a person or a member's word goes to (host URLs, brokers, peers): https,
     * or plain http only to this machine.
     */
    public static boolean isSecureOrLoopback(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        return scheme.equals("https") || scheme.equals("http") && uri.getHost() != null && isLoopback(uri.getHost());
    }

    /**
     * A URL must not carry a user name or password: nothing would use them (brokers take a bearer token, probes a
     * secret of their own) and they would show in logs, reports and metric labels.
     */
    public static String userInfoProblem(URI uri) {
        return uri.getRawUserInfo() == null ? null
                : quoted(uri.toString()) + " must not contain a user name or password";
    }

    /** Whether a host name is this machine's, by its name only: {@code localhost}, 127.0.0.0/8 or [::1]. */
    public static boolean isLoopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return h.equals("localhost") || h.equals("[::1]") || LOOPBACK_V4.matcher(h).matches();
    }

    /** How often the agent reports, in whole seconds. */
    public static String intervalProblem(Integer seconds) {
        if (seconds == null) {
            return REQUIRED;
        }
        return seconds >= MIN_INTERVAL_SECONDS && seconds <= MAX_INTERVAL_SECONDS ? null
                : "must be from " + MIN_INTERVAL_SECONDS + " to " + MAX_INTERVAL_SECONDS
                + " seconds (10 minutes), got " + seconds;
    }

    /** Users active now: unknown (null) or 0 or more. */
    public static String activeUsersProblem(Integer users) {
        return users == null || users >= 0 ? null : "must be 0 or more (null when unknown), got " + users;
    }

    /** Users the member says the host can serve. */
    public static String capacityUsersProblem(Integer capacity) {
        if (capacity == null) {
            return REQUIRED;
        }
        return capacity >= 1 ? null : "must be 1 or more, got " + capacity;
    }

    /** The software's own load figure, optional. */
    public static String loadProblem(Double load) {
        return load == null || Double.isFinite(load) && load >= 0 && load <= MAX_LOAD ? null
                : "must be a number between 0 and " + (int) MAX_LOAD + " (1.0 = full), got " + load;
    }

    /** The reason for a host's status, optional. */
    public static String detailProblem(String detail) {
        return detail == null || detail.length() <= MAX_DETAIL ? null
                : "at most " + MAX_DETAIL + " characters, got " + detail.length();
    }

    /**
     * When the host was measured, optional: not after the report's {@code sentAt}, and not more than
     * {@value #MAX_MEASUREMENT_AGE_INTERVALS} intervals before it (an older figure is not the host's state any more).
     * Without a valid sentAt or interval only what can be checked is.
     */
    public static String measuredAtProblem(Instant measuredAt, Instant sentAt, Integer intervalSeconds) {
        if (measuredAt == null || sentAt == null) {
            return null;
        }
        if (measuredAt.isAfter(sentAt)) {
            return "must not be after sentAt (" + sentAt + "), got " + measuredAt;
        }
        if (intervalProblem(intervalSeconds) == null) {
            Duration oldest = Duration.ofSeconds((long) MAX_MEASUREMENT_AGE_INTERVALS * intervalSeconds);
            if (measuredAt.isBefore(sentAt.minus(oldest))) {
                return "must be at most " + MAX_MEASUREMENT_AGE_INTERVALS + " intervals (" + oldest.toSeconds()
                        + " s) before sentAt (" + sentAt + "), got " + measuredAt;
            }
        }
        return null;
    }

    /**
     * Since when the host has been up and taking new users, optional: only on a host reported so (UP or DEGRADED,
     * taking new users), and not after the host's measuredAt (else the report's sentAt): the instant of a
     * measurement already made, so no later than the one this report gives. No lower bound: a host up for a year is
     * simply warm, and an agent's clock set far back is refused by its sentAt.
     */
    public static String upSinceProblem(Instant upSince, HostStatus status, Boolean acceptsNewUsers,
                                        Instant measuredAt, Instant sentAt) {
        if (upSince == null) {
            return null;
        }
        if (status == HostStatus.DOWN || Boolean.FALSE.equals(acceptsNewUsers)) {
            return "must be left out of a host that is DOWN or takes no new users, got " + upSince;
        }
        Instant latest = measuredAt != null ? measuredAt : sentAt;
        if (latest != null && upSince.isAfter(latest)) {
            return "must not be after " + (measuredAt != null ? "measuredAt" : "sentAt") + " (" + latest + "), got "
                    + upSince;
        }
        return null;
    }

    /** A field that has no rule beyond being there, such as a host's service (which the broker's catalogue names). */
    public static String requiredProblem(Object value) {
        return value == null ? REQUIRED : null;
    }

    /** When the report was sent; how far ahead of a broker's clock it may be is the broker's to check. */
    public static String sentAtProblem(Instant sentAt) {
        return sentAt == null ? required(ReportFields.Kind.INSTANT.expected()) : null;
    }

    /** A host's status. */
    public static String statusProblem(HostStatus status) {
        if (status != null) {
            return null;
        }
        List<String> names = Arrays.stream(HostStatus.values()).map(HostStatus::name).toList();
        return required(String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1));
    }

    /** Whether a host takes new users now. */
    public static String acceptsNewUsersProblem(Boolean accepts) {
        return accepts == null ? required(ReportFields.Kind.BOOLEAN.expected()) : null;
    }

    /** One entry of a report's host list: an object, not null. */
    public static String hostEntryProblem(Object host) {
        return host == null ? "must be an object" : null;
    }

    /** A host id already given earlier in the same report. */
    public static String repeatedHostIdProblem(String id) {
        return quoted(id) + " appears twice in the report";
    }

    /** How many hosts one report may carry. */
    public static String hostCountProblem(int hosts) {
        if (hosts < 1) {
            return REQUIRED + ": a list of at least one host";
        }
        return hosts <= MAX_HOSTS ? null : "at most " + MAX_HOSTS + " hosts per report, got " + hosts;
    }

    /** A URL as it may be shown in a message, a log line or a metric label: its user name and password hidden. */
    public static String withoutUserInfo(String url) {
        return url == null ? null : USER_INFO.matcher(url).replaceFirst("***@");
    }

    private static String required(String expected) {
        return REQUIRED + " (" + expected + ")";
    }

    /** A value in quotes for a message: user-info hidden, cut when long (a message must stay a line). */
    private static String quoted(String value) {
        String shown = withoutUserInfo(value);
        return "'" + (shown.length() > SHOWN ? shown.substring(0, SHOWN) + "..." : shown) + "'";
    }
}
