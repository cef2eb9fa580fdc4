package org.chatons.entraide.demo.standins;

import static org.chatons.entraide.demo.standins.Json.object;

import java.util.Map;
import java.util.Set;

/** HedgeDoc 1.x: the public {@code /status} (enableStatsApi on, its default). */
public final class HedgedocApi extends RoutedApi {

    public HedgedocApi() {
        super("hedgedoc", Set.of(), Map.of("/status", (request, state) -> status(state)));
    }

    private static Reply status(HostState state) {
        int notes = (state.users() + 2) / 3;
        return Reply.json(Json.write(object("onlineNotes", notes, "onlineUsers", state.users() + notes / 2,
                "distinctOnlineUsers", state.users(), "notesCount", 1200 + state.stored(), "registeredUsers", 88,
                "onlineRegisteredUsers", state.users() / 4, "distinctOnlineRegisteredUsers", state.users() / 4,
                "isConnectionBusy", false, "connectionSocketQueueLength", 0, "isDisconnectBusy", false,
                "disconnectSocketQueueLength", 0)));
    }
}
