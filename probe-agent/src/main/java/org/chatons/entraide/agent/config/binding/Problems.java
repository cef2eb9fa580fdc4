package org.chatons.entraide.agent.config.binding;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.chatons.entraide.agent.config.SecretRef;
import org.chatons.entraide.protocol.WireRules;
import org.chatons.entraide.yaml.At;
import org.chatons.entraide.yaml.Durations;
import org.chatons.entraide.yaml.YamlBinder.UnknownKey;

/**
 * The problems of one configuration file, each with the file's name, the line and the key path
 * ({@code probe-agent.yml line 12: hosts[1].capacity-users: ...}), and the checks every key shares: a check answers
 * the value, or null after adding a problem.
 */
final class Problems {

    final String file;
    final List<String> list = new ArrayList<>();
    final List<String> warnings = new ArrayList<>();
    private final List<UnknownKey> unknownKeys;

    Problems(String file, List<UnknownKey> unknownKeys) {
        this.file = file;
        this.unknownKeys = unknownKeys;
    }

    void add(int line, String key, String what) {
        list.add(file + " line " + line + ": " + key + ": " + what);
    }

    void warn(int line, String key, String what) {
        warnings.add(file + " line " + line + ": " + key + ": " + what);
    }

    /** The unknown keys of the mapping at {@code path} ("" for the top), first of its problems as in the file. */
    void unknownKeys(String path) {
        unknownKeys.stream().filter(k -> k.parent().equals(path)).forEach(k ->
                add(k.line(), k.path(), "unknown key; known keys: " + String.join(", ", k.known())));
    }

    /** A single non-empty value, stripped. */
    String scalar(At<?> at, String key) {
        if (at.structured()) {
            add(at.line(), key, "must be a single value, not a list or mapping");
            return null;
        }
        if (at.empty()) {
            add(at.line(), key, "must not be empty");
            return null;
        }
        return at.text().strip();
    }

    /** A required id, in the brokers' words. */
    String id(At<String> at, String key, int owner) {
        if (at == null) {
            add(owner, key, "is required");
            return null;
        }
        String value = scalar(at, key);
        String problem = value == null ? null : WireRules.idProblem(value);
        if (problem != null) {
            add(at.line(), key, problem);
            return null;
        }
        return value;
    }

    /** A value read as its type: null after a problem saying what was expected. */
    <T> T typed(At<T> at, String key, String expected) {
        if (scalar(at, key) == null) {
            return null;
        }
        if (at.unreadable()) {
            add(at.line(), key, "must be " + expected + ", got '" + at.text().strip() + "'");
            return null;
        }
        return at.value();
    }

    Integer integer(At<Integer> at, String key, int min, int max, Integer fallback) {
        if (at == null) {
            return fallback;
        }
        String expected = max == Integer.MAX_VALUE ? "a whole number of " + min + " or more"
                : "a whole number from " + min + " to " + max;
        Integer n = typed(at, key, expected);
        if (n != null && (n < min || n > max)) {
            add(at.line(), key, "must be " + expected + ", got '" + at.text().strip() + "'");
            return null;
        }
        return n;
    }

    /** A number above 0 and at most 1 ({@code 0.85}). */
    Double fraction(At<Double> at, String key, double fallback) {
        if (at == null) {
            return fallback;
        }
        String expected = "a number above 0 and at most 1 (such as 0.85)";
        Double d = typed(at, key, expected);
        if (d != null && !(d > 0 && d <= 1)) {
            add(at.line(), key, "must be " + expected + ", got '" + at.text().strip() + "'");
            return null;
        }
        return d;
    }

    Duration duration(At<Duration> at, String key, Duration fallback, Duration min) {
        if (at == null) {
            return fallback;
        }
        Duration d = typed(at, key, Durations.EXPECTED);
        if (d != null && d.compareTo(min) < 0) {
            add(at.line(), key, "must be at least " + min.toMillis() + "ms, got '" + at.text().strip() + "'");
            return null;
        }
        return d;
    }

    /** Where a credential is: an environment variable or a file, one of the two. */
    SecretRef secret(At<String> env, At<String> path, String prefix, String envKey, String fileKey, boolean required,
                     int owner) {
        if (env != null && path != null) {
            add(path.line(), prefix + fileKey, "give either " + envKey + " or " + fileKey + ", not both");
            return null;
        }
        At<String> at = env != null ? env : path;
        if (at == null) {
            if (required) {
                add(owner, prefix + envKey, "is required (or " + fileKey + "): where the member's token is");
            }
            return null;
        }
        String key = prefix + (env != null ? envKey : fileKey);
        String value = scalar(at, key);
        return value == null ? null : new SecretRef(env != null, value, key, at.line());
    }
}
