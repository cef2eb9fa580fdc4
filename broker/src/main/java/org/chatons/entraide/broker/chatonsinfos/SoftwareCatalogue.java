package org.chatons.entraide.broker.chatonsinfos;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.chatons.entraide.broker.publicprobe.ProbeKind;

/**
 * What a ChatonsInfos {@code software.name} is to the broker: the catalogue service it offers and how the public
 * probe looks at it (public-endpoints.md). Names are compared without case, accents, spaces or dashes, since each
 * generator writes them its own way ({@code Jitsi Meet}, {@code jitsi-meet}, {@code Etherpad Lite}).
 */
public final class SoftwareCatalogue {

    /** A known software: the service it offers and its probe. */
    public record Software(String service, ProbeKind probe) {
    }

    private static final Map<String, Software> KNOWN = Map.ofEntries(
            Map.entry("etherpad", new Software("pad", ProbeKind.ETHERPAD)),
            Map.entry("etherpadlite", new Software("pad", ProbeKind.ETHERPAD)),
            Map.entry("ethercalc", new Software("calc", ProbeKind.PLAIN)),
            Map.entry("jitsimeet", new Software("visio", ProbeKind.PLAIN)),
            Map.entry("jitsi", new Software("visio", ProbeKind.PLAIN)),
            Map.entry("bigbluebutton", new Software("visio", ProbeKind.PLAIN)),
            Map.entry("nextcloud", new Software("drive", ProbeKind.NEXTCLOUD)),
            Map.entry("peertube", new Software("video", ProbeKind.NODEINFO)),
            Map.entry("mastodon", new Software("microblog", ProbeKind.NODEINFO)),
            Map.entry("akkoma", new Software("microblog", ProbeKind.NODEINFO)),
            Map.entry("pleroma", new Software("microblog", ProbeKind.NODEINFO)),
            Map.entry("mobilizon", new Software("events", ProbeKind.NODEINFO)),
            Map.entry("framadate", new Software("poll", ProbeKind.PLAIN)),
            Map.entry("lufi", new Software("drop", ProbeKind.PLAIN)),
            Map.entry("plik", new Software("drop", ProbeKind.PLAIN)),
            Map.entry("lstu", new Software("shortener", ProbeKind.PLAIN)),
            Map.entry("polr", new Software("shortener", ProbeKind.PLAIN)),
            Map.entry("rsshort", new Software("shortener", ProbeKind.PLAIN)),
            Map.entry("lutim", new Software("images", ProbeKind.PLAIN)),
            Map.entry("scrumblr", new Software("board", ProbeKind.PLAIN)),
            Map.entry("hedgedoc", new Software("notes", ProbeKind.HEDGEDOC)),
            Map.entry("codimd", new Software("notes", ProbeKind.HEDGEDOC)),
            Map.entry("privatebin", new Software("paste", ProbeKind.PLAIN)));

    private SoftwareCatalogue() {
    }

    /** The software a declared name stands for, if the broker knows it. */
    public static Optional<Software> find(String softwareName) {
        return Optional.ofNullable(KNOWN.get(normalize(softwareName)));
    }

    static String normalize(String name) {
        String plain = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return plain.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }
}
