package org.chatons.entraide.demo.standins;

import static org.chatons.entraide.demo.standins.Json.object;

import java.util.Map;
import java.util.Set;

/** Jitsi videobridge's private REST port: {@code /about/health} and {@code /colibri/stats}. */
public final class JitsiApi extends RoutedApi {

    public JitsiApi() {
        super("jitsi", Set.of(Trait.DRAINS), Map.of(
                "/about/health", (request, state) -> new Reply(200, null, ""),
                "/colibri/stats", (request, state) -> stats(state)));
    }

    private static Reply stats(HostState state) {
        int conferences = (state.users() + 3) / 4;
        // Stress grows a little faster than participants over capacity, as a bridge's CPU does.
        double stress = Math.round(Math.pow(state.load(), 1.1) * 1000) / 1000.0;
        return Reply.json(Json.write(object(
                "stress_level", stress,
                "participants", state.users(),
                "conferences", conferences,
                "largest_conference", Math.min(state.users(), 12),
                "graceful_shutdown", false,
                "drain", state.draining(),
                "bit_rate_download", state.users() * 420,
                "bit_rate_upload", state.users() * 980,
                "endpoints_sending_video", state.users() * 2 / 3)));
    }
}
