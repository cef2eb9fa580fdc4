package org.chatons.entraide.agent.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The member's token and each host's secret, read once at start-up so that a missing variable or unreadable file
 * stops the agent before it reports anything, with the key and line that named it.
 *
 * @param token       the member's bearer token
 * @param hostSecrets each host's credential, by host id, for hosts that have one
 */
public record Credentials(Secret token, Map<String, Secret> hostSecrets) {

    public Credentials {
        hostSecrets = Map.copyOf(hostSecrets);
    }

    /** Reads every credential the configuration names; throws with every one that cannot be read. */
    public static Credentials resolve(AgentConfig config, Map<String, String> env) throws ConfigException {
        String file = String.valueOf(config.file().getFileName());
        Path dir = config.file().toAbsolutePath().getParent();
        List<String> problems = new ArrayList<>();
        SecretRef.Resolved token = config.token().resolve(env, dir);
        if (token.error() != null) {
            problems.add(file + " line " + config.token().line() + ": " + config.token().key() + ": " + token.error());
        }
        Map<String, Secret> secrets = new HashMap<>();
        for (HostConfig host : config.hosts()) {
            if (host.secret() == null) {
                continue;
            }
            SecretRef.Resolved secret = host.secret().resolve(env, dir);
            if (secret.error() != null) {
                problems.add(file + " line " + host.secret().line() + ": " + host.secret().key() + ": " + secret.error());
            } else {
                secrets.put(host.id(), secret.secret());
            }
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return new Credentials(token.secret(), secrets);
    }
}
