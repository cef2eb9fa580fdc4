package org.chatons.entraide.agent.adapters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chatons.entraide.agent.FakeHttpServer.answer;
import static org.chatons.entraide.agent.FakeHttpServer.json;
import static org.chatons.entraide.agent.FakeHttpServer.sample;

import org.chatons.entraide.agent.FakeHttpServer;
import org.chatons.entraide.probes.Measurement;
import org.chatons.entraide.protocol.HostStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HedgedocAdapterTest {

    final FakeHttpServer notes = FakeHttpServer.start().on("/status", sample("hedgedoc-status.json"));
    final HedgedocAdapter adapter = new HedgedocAdapter();

    @AfterEach
    void stop() {
        notes.close();
    }

    @Test
    void distinctUsersOnOpenNotesUnderTheProbeUrl() throws Exception {
        notes.on("/notes/status", sample("hedgedoc-status.json"));

        Measurement m = Probe.probe(adapter, notes.url().resolve("/notes"));

        assertThat(m.status()).isEqualTo(HostStatus.UP);
        assertThat(m.activeUsers()).isEqualTo(4);
        assertThat(m.load()).isNull();
        assertThat(m.reason()).contains("4 users on 3 notes");
        assertThat(notes.requests("/notes/status")).hasSize(1);
        assertThat(notes.requests("/notes/status").get(0).header("Accept")).isEqualTo("application/json");
    }

    @Test
    void statsOffLeavesUsersUnknownButTheHostUp() throws Exception {
        notes.on("/status", answer(403, "text/plain", "Forbidden"));

        Measurement m = Probe.probe(adapter, notes.url());

        assertThat(m.status()).isEqualTo(HostStatus.UP);
        assertThat(m.activeUsers()).isNull();
        assertThat(m.reason()).contains("users unknown");
    }

    @Test
    void busyOrBrokenIsNotUp() throws Exception {
        notes.on("/status", json("{\"onlineNotes\":1,\"onlineUsers\":2,\"isConnectionBusy\":true}"));
        Measurement busy = Probe.probe(adapter, notes.url());
        notes.on("/status", FakeHttpServer.status(502));
        Measurement broken = Probe.probe(adapter, notes.url());

        assertThat(busy.status()).isEqualTo(HostStatus.DEGRADED);
        assertThat(busy.activeUsers()).isEqualTo(2);
        assertThat(broken.status()).isEqualTo(HostStatus.DOWN);
    }
}
