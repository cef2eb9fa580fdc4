package org.chatons.entraide.bench.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import org.chatons.entraide.broker.eligibility.Staleness;
import org.chatons.entraide.yaml.Durations;

/**
 * The broker's default settings, read from its own {@code application.yml} (on the classpath with the broker's
 * classes), so that the simulator runs what a member installs and a default changed there is simulated as changed:
 * no copy to drift (the simulator once kept a 90 s report TTL after the broker had moved to three of each host's
 * own intervals, which made every host reporting every 5 minutes stale for most of each interval).
 */
final class BrokerDefaults {

    private static final JsonNode BROKER = load().path("broker");

    private BrokerDefaults() {
    }

    /** {@code broker.<path>}, dots between the levels: a number. */
    static double number(String path) {
        return node(path).asDouble();
    }

    /** {@code broker.<path>}: a whole number. */
    static int integer(String path) {
        return node(path).asInt();
    }

    /** {@code broker.<path>}: a duration in the broker's syntax ({@code 30s}, {@code 15m}). */
    static Duration duration(String path) {
        return Durations.parse(node(path).asText());
    }

    /** How long a report stays fresh: {@code broker.stale-after-intervals}, within {@code -min} and {@code -max}. */
    static Staleness staleness() {
        return new Staleness(integer("stale-after-intervals"), duration("stale-after-min"),
                duration("stale-after-max"));
    }

    private static JsonNode node(String path) {
        JsonNode n = BROKER;
        for (String key : path.split("\\.")) {
            n = n.path(key);
        }
        if (n.isMissingNode() || n.isNull()) {
            throw new IllegalStateException("the broker's application.yml has no broker." + path);
        }
        return n;
    }

    private static JsonNode load() {
        try (InputStream in = Staleness.class.getResourceAsStream("/application.yml")) {
            if (in == null) {
                throw new IllegalStateException("the broker's application.yml is not on the classpath");
            }
            return new ObjectMapper(new YAMLFactory()).readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("reading the broker's application.yml", e);
        }
    }
}
