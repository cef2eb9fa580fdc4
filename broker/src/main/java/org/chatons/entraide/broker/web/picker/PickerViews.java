package org.chatons.entraide.broker.web.picker;

import java.util.Locale;
import org.chatons.entraide.broker.catalogue.Service;
import org.chatons.entraide.broker.eligibility.HostState;
import org.chatons.entraide.broker.eligibility.ServiceState;
import org.chatons.entraide.broker.http.Languages;
import org.chatons.entraide.broker.i18n.CountryNames;
import org.chatons.entraide.broker.registry.Source;
import org.chatons.entraide.broker.selection.Nearby;
import org.chatons.entraide.probes.software.Softwares;

/** What the picker's templates show, already in the page's language: templates only lay it out. */
public final class PickerViews {

    private PickerViews() {
    }

    /**
     * Language of the page and of the switch link, the person's "near me" choice, and the query strings links
     * carry to keep both ({@code query}) or to switch the language and keep the choice ({@code otherQuery}).
     */
    /**
     * @param probeSeconds  how often the broker probes the hosts members only declare (its setting), for the texts
     * @param forgetSeconds how soon a network's code is forgotten (its setting), for the texts
     */
    record Page(String lang, String otherLang, String otherLangName, String query, String otherQuery,
                NearView near, long probeSeconds, long forgetSeconds) {

        static Page of(Locale locale, NearView near, long probeSeconds, long forgetSeconds) {
            Locale other = Languages.other(locale);
            return new Page(locale.getLanguage(), other.getLanguage(), capitalized(other.getDisplayLanguage(other)),
                    "?lang=" + locale.getLanguage() + near.query(), "?lang=" + other.getLanguage() + near.query(),
                    near, probeSeconds, forgetSeconds);
        }
    }

    /** A service's card on the home page. */
    public record Card(String id, String name, String description, String replaces, String action, long hosts,
                long eligibleHosts) {

        public static Card of(Service service, ServiceState state, Locale locale) {
            return new Card(service.id(), service.name(locale), service.description(locale), service.replaces(),
                    service.action(locale), state.hosts().size(), state.eligibleHosts());
        }
    }

    /**
     * One host on a service's page. {@code state} is a message key suffix (open, full, closed, down, stale...),
     * {@code loadPercent} the estimated load, capped for the bar; shown only when {@code loadKnown}, since the
     * estimate of a host that does not count its users is only what the broker sent there. {@code measured}: its
     * member's agent measures it live; otherwise it is declared in ChatonsInfos and only checked from outside.
     * {@code software}: the name people know ({@code Jitsi Meet} for a report's {@code jitsi}).
     */
    record HostRow(String memberName, String country, String software, String state, boolean eligible,
                   boolean loadKnown, int loadPercent, String url, boolean measured) {

        public static HostRow of(HostState h, Locale locale, Softwares softwares) {
            // A member declared in ChatonsInfos may give no country: then none is shown.
            String member = h.host().member().country();
            String country = Nearby.isCountry(member) ? CountryNames.name(member, locale) : null;
            return new HostRow(h.host().member().name(), country, softwares.readable(h.host().report().software()),
                    state(h),
                    h.eligible(), h.host().loadKnown(),
                    (int) Math.round(Math.min(1.0, Math.max(0, h.estimatedLoad())) * 100), h.host().report().url(),
                    h.host().source() == Source.AGENT);
        }

        private static String state(HostState h) {
            return switch (h.verdict()) {
                case ELIGIBLE -> "open";
                case DEGRADED -> h.eligible() ? "degraded-open" : "degraded";
                default -> h.verdict().name().toLowerCase(Locale.ROOT);
            };
        }
    }

    /**
     * How often the service's agents usually report: the median of their own intervals (a report says its agent's),
     * 0 when no agent measures the service. The pages say it rather than the agent's default, which members change.
     */
    static int usualAgentSeconds(ServiceState state) {
        int[] intervals = state.hosts().stream().map(HostState::host).filter(h -> h.source() == Source.AGENT)
                .mapToInt(h -> h.intervalSeconds()).sorted().toArray();
        return intervals.length == 0 ? 0 : intervals[(intervals.length - 1) / 2];
    }

    private static String capitalized(String s) {
        return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
    }
}
