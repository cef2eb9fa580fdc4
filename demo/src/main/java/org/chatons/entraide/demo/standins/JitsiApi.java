package org.chatons.entraide.demo.standins;

import static org.chatons.entraide.demo.standins.Json.object;

/** Jitsi videobridge's private REST port: {@code /about/health} and {@code /colibri/stats}. */
public final class JitsiApi implements Api {

    @Override
    public boolean drains() {
        return true;
    }

    @Override
    public String software() {
        return "jitsi";
    }

    @Override
    public Reply answer(Request request, HostState state) {
        return switch (request.path()) {
            case "/about/health" -> new Reply(200, null, "");
            case "/colibri/stats" -> {
                int conferences = (state.users() + 3) / 4;
                // Stress grows a little faster than participants over capacity, as a bridge's CPU does.
                double stress = Math.round(Math.pow(state.load(), 1.1) * 1000) / 1000.0;
                yield Reply.json(Json.write(object(
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
            default -> null;
        };
    }
}
