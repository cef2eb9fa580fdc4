package org.chatons.entraide.broker.catalogue;

import io.micronaut.context.annotation.Context;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.chatons.entraide.broker.config.StartupError;
import org.chatons.entraide.protocol.WireRules;

/**
 * The services the broker knows, in picker order. A report naming any other service is refused. Built at start
 * ({@code @Context}) so a service defined without its texts stops the broker at once.
 */
@Context
public final class ServiceCatalogue {

    /** Every service must have its texts in these languages. */
    public static final List<String> LANGUAGES = List.of("fr", "en");
    static final String FALLBACK_LANGUAGE = "en";

    private final Map<String, Service> services;
    private final List<Service> ordered;

    public ServiceCatalogue(List<ServiceDefinition> definitions) {
        Map<String, Service> byId = new LinkedHashMap<>();
        definitions.stream()
                .sorted(Comparator.comparing((ServiceDefinition d) -> d.order() == null ? Integer.MAX_VALUE : d.order())
                        .thenComparing(ServiceDefinition::id))
                .forEach(d -> byId.put(d.id(), check(d)));
        if (byId.isEmpty()) {
            throw new StartupError("broker.services: empty (expected at least one service)");
        }
        this.services = Map.copyOf(byId);
        this.ordered = List.copyOf(byId.values());
    }

    private static Service check(ServiceDefinition d) {
        String at = "broker.services." + d.id();
        String idProblem = WireRules.idProblem(d.id());
        if (idProblem != null) {
            throw new StartupError(at + ": the id " + idProblem);
        }
        requireTexts(d.name(), at + ".name");
        requireTexts(d.description(), at + ".description");
        requireTexts(d.action(), at + ".action");
        return new Service(d.id(), d.name(), d.description(), d.action(), d.replaces() == null ? "" : d.replaces());
    }

    private static void requireTexts(Map<String, String> texts, String key) {
        for (String language : LANGUAGES) {
            if (texts == null || texts.get(language) == null || texts.get(language).isBlank()) {
                throw new StartupError(key + "." + language + ": missing (every service needs its texts in "
                        + LANGUAGES + ")");
            }
        }
    }

    public Optional<Service> find(String id) {
        return Optional.ofNullable(id == null ? null : services.get(id));
    }

    public boolean contains(String id) {
        return id != null && services.containsKey(id);
    }

    /** All services, in picker order. */
    public Collection<Service> all() {
        return ordered;
    }
}
