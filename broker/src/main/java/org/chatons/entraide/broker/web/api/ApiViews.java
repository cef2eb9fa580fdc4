package org.chatons.entraide.broker.web.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.chatons.entraide.broker.catalogue.Service;
import org.chatons.entraide.broker.eligibility.HostState;
import org.chatons.entraide.broker.eligibility.ServiceState;
import org.chatons.entraide.broker.registry.Host;
import org.chatons.entraide.broker.rooms.RoomFinder;
import org.chatons.entraide.broker.selection.Nearby;
import org.chatons.entraide.broker.selection.Pick;

/** The JSON shapes of the public API, built from the domain types. */
public final class ApiViews {

    private ApiViews() {
    }

    /**
     * One service with its names and live totals. {@code activeUsers} adds up the hosts that count their users;
     * {@code hostsWithoutUserCount} says how many hosts it leaves out, {@code capacityUsers} counts them all.
     */
    @Serdeable
    record ServiceView(String id, Map<String, String> name, Map<String, String> description,
                       Map<String, String> action, String replaces, long hosts, long eligibleHosts,
                       long activeUsers, long hostsWithoutUserCount, long capacityUsers) {

        static ServiceView of(Service service, ServiceState state) {
            return new ServiceView(service.id(), service.name(), service.description(), service.action(),
                    service.replaces(), state.hosts().size(), state.eligibleHosts(), state.activeUsers(),
                    state.hostsWithoutUserCount(), state.capacityUsers());
        }
    }

    @Serdeable
    record ServiceList(List<ServiceView> services) {
    }

    /**
     * One host as the broker judges it now. {@code source} says who measures it: {@code agent} (its member's probe
     * agent, live) or {@code chatonsinfos} (declared in the member's files, checked from outside). {@code activeUsers} is null when the host's report gives no count,
     * {@code load} when it gives no load either; {@code estimatedLoad} then counts only the users sent since.
     */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record HostView(String member, String memberName, String country, String id, String url, String software,
                    String source, String status, boolean acceptsNewUsers, boolean eligible, @Nullable String reason,
                    boolean drained, @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable Integer activeUsers,
                    int capacityUsers, @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable Double load,
                    double estimatedLoad, double reportAgeSeconds, long staleAfterSeconds, @Nullable String detail) {

        static HostView of(HostState state) {
            Host h = state.host();
            return new HostView(h.member().id(), h.member().name(), h.member().country(), h.key().host(),
                    h.report().url(), h.report().software(), h.source().label(), h.status().name(), h.acceptsNewUsers(),
                    state.eligible(), state.eligible() ? null : state.verdict().name(), state.drained(),
                    h.activeUsers(), h.capacity(), h.loadKnown() ? round(h.reportedLoad()) : null,
                    round(state.estimatedLoad()), state.age().toMillis() / 1000.0, state.staleAfter().toSeconds(),
                    h.report().detail());
        }

        private static double round(double load) {
            return Math.round(load * 1000) / 1000.0;
        }
    }

    @Serdeable
    record HostList(String service, List<HostView> hosts) {
    }

    /**
     * The host chosen for one new user, its member's country, and what the choice preferred: {@code near} is the
     * country and language asked for (either null when none was), as {@code /go} would have read them.
     */
    @Serdeable
    record PickView(String service, String member, String memberName, String country, String host, String url,
                    String software, Preference near) {

        static PickView of(Pick.Sent sent, Nearby near) {
            Host h = sent.host();
            return new PickView(h.service(), h.member().id(), h.member().name(), h.member().country(), h.key().host(),
                    h.report().url(), h.report().software(), new Preference(near.country(), near.language(),
                            near.chosen(), sent.awayFromChosen()));
        }
    }

    /**
     * Where a group link leads now: the host of the room and the room's address there. Computed for the request,
     * kept nowhere.
     */
    @Serdeable
    public record RoomView(String service, String member, String memberName, String country, String host,
                           String hostUrl, String software, String room) {

        public static RoomView of(String service, RoomFinder.Room room, URI address) {
            Host h = room.host().host();
            return new RoomView(service, h.member().id(), h.member().name(), h.member().country(), h.key().host(),
                    h.report().url(), h.report().software(), address.toString());
        }
    }

    /**
     * The country and language a pick preferred; null where it preferred none.
     *
     * @param chosen    the caller chose the country ({@code near}), rather than its Accept-Language saying it
     * @param elsewhere the country was chosen and none of its hosts could take a new user: sent elsewhere
     */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Preference(@Nullable String country, @Nullable String language, boolean chosen, boolean elsewhere) {
    }

    /** The answer to a drain or undrain. */
    @Serdeable
    public record DrainView(String member, String host, boolean drained) {
    }
}
