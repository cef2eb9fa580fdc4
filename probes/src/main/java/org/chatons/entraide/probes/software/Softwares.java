package org.chatons.entraide.probes.software;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;

/**
 * Every software the federation knows, loaded once with {@link ServiceLoader}: the registry never changes when a
 * software is added. Two definitions that claim one name are refused when it is built, naming both.
 */
public final class Softwares {

    private final Map<String, Software> byReportName = new TreeMap<>();
    private final Map<String, Software> byDeclaredName = new HashMap<>();

    /** A registry of the given definitions; tests use it to add their own. */
    public Softwares(Collection<? extends Software> definitions) {
        for (Software software : definitions) {
            Software before = byReportName.putIfAbsent(software.name(), software);
            if (before != null) {
                throw new IllegalStateException("two softwares named '" + software.name() + "' in reports: "
                        + before.getClass().getName() + " and " + software.getClass().getName());
            }
        }
        for (Software software : byReportName.values()) {
            for (String declared : software.names().declared()) {
                Software before = byDeclaredName.putIfAbsent(declared, software);
                if (before != null) {
                    throw new IllegalStateException("two softwares answer to the ChatonsInfos name '" + declared
                            + "': " + before.name() + " and " + software.name());
                }
            }
        }
    }

    /** Every definition on the class path; each call builds fresh instances. */
    public static Softwares load() {
        return new Softwares(ServiceLoader.load(Software.class).stream().map(ServiceLoader.Provider::get).toList());
    }

    /** Names in reports, sorted. */
    public Set<String> names() {
        return byReportName.keySet();
    }

    /** The software of that name in reports ({@code jitsi}). */
    public Optional<Software> named(String inReports) {
        return Optional.ofNullable(byReportName.get(inReports));
    }

    /** The software a ChatonsInfos {@code software.name} stands for, compared as {@link Names#compared} says. */
    public Optional<Software> declaredAs(String softwareName) {
        return Optional.ofNullable(byDeclaredName.get(Names.compared(softwareName)));
    }

    /** The name people read for a name in reports: its readable name when known, else the name as it came. */
    public String readable(String inReports) {
        Software software = byReportName.get(inReports);
        return software == null ? inReports : software.names().readable();
    }
}
