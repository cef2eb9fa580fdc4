package org.chatons.entraide.agent.config.binding;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.chatons.entraide.agent.config.HostConfig;
import org.chatons.entraide.agent.config.SecretRef;
import org.chatons.entraide.protocol.RoomsSetting;
import org.chatons.entraide.protocol.WireRules;
import org.chatons.entraide.yaml.At;

/** Checks one entry of {@code hosts:}; what ends up in a report is checked with the brokers' {@link WireRules}. */
final class HostReader {

    private final Problems problems;
    private final Set<String> knownSoftware;

    HostReader(Problems problems, Set<String> knownSoftware) {
        this.problems = problems;
        this.knownSoftware = knownSoftware;
    }

    /** The host, or null after adding its problems. */
    HostConfig host(At<RawHost> at, String path) {
        if (at.unreadable() || at.value() == null) {
            problems.add(at.line(), path, "must be a mapping with id, service, software, url, capacity-users");
            return null;
        }
        int before = problems.list.size();
        problems.unknownKeys(path);
        RawHost raw = at.value();
        int owner = at.line();
        String id = problems.id(raw.id(), path + ".id", owner);
        String service = problems.id(raw.service(), path + ".service", owner);
        String software = software(raw.software(), path + ".software", owner);
        URI url = null;
        if (raw.url() == null) {
            problems.add(owner, path + ".url", "is required: where users are sent");
        } else {
            url = hostUrl(raw.url(), path + ".url");
        }
        URI probeUrl = raw.probeUrl() == null ? url : probeUrl(problems, raw.probeUrl(), path + ".probe-url");
        Integer capacity = problems.integer(raw.capacityUsers(), path + ".capacity-users", 1, Integer.MAX_VALUE, null);
        if (raw.capacityUsers() == null) {
            problems.add(owner, path + ".capacity-users", "is required: how many users the host can serve");
        }
        SecretRef secret = problems.secret(raw.secretEnv(), raw.secretFile(), path + ".", "secret-env", "secret-file",
                false, owner);
        Boolean accepts = raw.acceptsNewUsers() == null ? null
                : problems.typed(raw.acceptsNewUsers(), path + ".accepts-new-users", "true or false");
        Path chatonsinfosFile = null;
        if (raw.chatonsinfosFile() != null) {
            String value = problems.scalar(raw.chatonsinfosFile(), path + ".chatonsinfos-file");
            chatonsinfosFile = value == null ? null : Path.of(value);
        }
        String rooms = raw.rooms() == null ? null : rooms(raw.rooms(), path + ".rooms");
        if (problems.list.size() > before) {
            return null;
        }
        return new HostConfig(id, service, software, url, probeUrl, capacity, secret, accepts, chatonsinfosFile,
                rooms);
    }

    private String software(At<String> at, String key, int owner) {
        if (at == null) {
            problems.add(owner, key, "is required, one of " + knownSoftware);
            return null;
        }
        String software = problems.scalar(at, key);
        if (software != null && !knownSoftware.contains(software)) {
            problems.add(at.line(), key, "unknown software '" + software + "'; known: " + String.join(", ", knownSoftware));
            return null;
        }
        return software;
    }

    /** Named rooms off, or their shape: what the brokers take, in their words. */
    private String rooms(At<String> at, String key) {
        return taken(at, key, RoomsSetting::problem);
    }

    /** Where users are sent: what the brokers take, in their words. */
    private URI hostUrl(At<String> at, String key) {
        String value = taken(at, key, WireRules::hostUrlProblem);
        return value == null ? null : URI.create(value);
    }

    /** The value when the brokers' rule takes it, else null after adding the rule's words as its problem. */
    private String taken(At<String> at, String key, UnaryOperator<String> rule) {
        String value = problems.scalar(at, key);
        String problem = value == null ? null : rule.apply(value);
        if (problem != null) {
            problems.add(at.line(), key, problem);
            return null;
        }
        return value;
    }

    /** Where the agent measures: any http or https URL (a private port, an address on the local network). */
    static URI probeUrl(Problems problems, At<String> at, String key) {
        String value = problems.scalar(at, key);
        if (value == null) {
            return null;
        }
        try {
            URI uri = new URI(value);
            String userInfo = WireRules.userInfoProblem(uri);
            if (userInfo != null) {
                problems.add(at.line(), key, userInfo);
                return null;
            }
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // reported below with what was expected
        }
        problems.add(at.line(), key, "must be an http:// or https:// URL with a host, got '"
                + WireRules.withoutUserInfo(value) + "'");
        return null;
    }
}
