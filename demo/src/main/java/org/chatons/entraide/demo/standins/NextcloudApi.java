package org.chatons.entraide.demo.standins;

import static org.chatons.entraide.demo.standins.Json.object;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Nextcloud: {@code /status.php} and the serverinfo app behind an {@code NC-Token}. */
public final class NextcloudApi extends RoutedApi {

    static final String SERVERINFO = "/ocs/v2.php/apps/serverinfo/api/v1/info";

    /** The kind, before a host gives it its token. */
    public NextcloudApi() {
        this("");
    }

    /** @param token the NC-Token serverinfo accepts */
    NextcloudApi(String token) {
        super("nextcloud", Set.of(Trait.NEEDS_SECRET), Map.of(
                "/status.php", (request, state) -> Reply.json(Json.write(object("installed", true,
                        "maintenance", false, "needsDbUpgrade", false, "version", "29.0.4.1", "versionstring", "29.0.4",
                        "edition", "", "productname", "Nextcloud", "extendedSupport", false))),
                SERVERINFO, (request, state) -> (token == null ? "" : token).equals(request.header("NC-Token"))
                        ? Reply.json(Json.write(serverinfo(state)))
                        : new Reply(401, "application/json; charset=utf-8", "{\"message\":\"Unauthorized\"}")));
    }

    @Override
    public Api at(String origin, String secret, Clock clock) {
        return new NextcloudApi(secret);
    }

    private static Object serverinfo(HostState state) {
        double cpu = Math.round(state.load() * 300) / 100.0;
        return object("ocs", object(
                "meta", object("status", "ok", "statuscode", 200, "message", "OK"),
                "data", object(
                        "nextcloud", object(
                                "system", object("version", "29.0.4.1", "freespace", 129750423552L,
                                        "cpuload", List.of(cpu, cpu * 0.8, cpu * 0.6),
                                        "mem_total", 8_145_920_000L, "mem_free", 3_400_000_000L - state.users() * 5_000_000L),
                                "storage", object("num_users", state.capacity() * 3, "num_files", 412_000)),
                        "activeUsers", object("last5minutes", state.users(), "last1hour", state.users() * 2,
                                "last24hours", state.users() * 5))));
    }
}
