package org.chatons.entraide.agent.adapters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chatons.entraide.agent.FakeHttpServer.answer;
import static org.chatons.entraide.agent.FakeHttpServer.json;
import static org.chatons.entraide.agent.FakeHttpServer.sample;

import org.chatons.entraide.agent.FakeHttpServer;
import org.chatons.entraide.probes.Measurement;
import org.chatons.entraide.protocol.HostStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class HedgedocAdapterTest {

    @RegisterExtension
    final ProbedService notes = new ProbedService(new HedgedocAdapter()).on("/status", sample("hedgedoc-status.json"));

    @Test
    void distinctUsersOnOpenNotesUnderTheProbeUrl() throws Exception {
        notes.on("/notes/status", sample("hedgedoc-status.json"));

        Measurement m = notes.probe("/notes");

        assertThat(m).extracting(Measurement::status, Measurement::activeUsers, Measurement::load)
                .containsExactly(HostStatus.UP, 4, null);
        assertThat(m.reason()).contains("4 users on 3 notes");
        assertThat(notes.requests("/notes/status")).hasSize(1);
        assertThat(notes.requests("/notes/status").get(0).header("Accept")).isEqualTo("application/json");
    }

    @Test
    void statsOffLeavesUsersUnknownButTheHostUp() throws Exception {
        notes.on("/status", answer(403, "text/plain", "Forbidden"));

        Measurement m = notes.probe();

        assertThat(m).extracting(Measurement::status, Measurement::activeUsers).containsExactly(HostStatus.UP, null);
        assertThat(m.reason()).contains("users unknown");
    }

    @Test
    void busyOrBrokenIsNotUp() throws Exception {
        notes.on("/status", json("{\"onlineNotes\":1,\"onlineUsers\":2,\"isConnectionBusy\":true}"));
        Measurement busy = notes.probe();
        notes.on("/status", FakeHttpServer.status(502));
        Measurement broken = notes.probe();

        assertThat(busy).extracting(Measurement::status, Measurement::activeUsers)
                .containsExactly(HostStatus.DEGRADED, 2);
        assertThat(broken.status()).isEqualTo(HostStatus.DOWN);
    }
}
