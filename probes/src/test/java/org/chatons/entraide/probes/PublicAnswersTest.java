package org.chatons.entraide.probes;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.chatons.entraide.protocol.HostStatus;
import org.junit.jupiter.api.Test;

/** The answers a public probe reads without a password, in the shapes the real software gives. */
class PublicAnswersTest {

    static Answer answer(int status, String body) {
        return new Answer(status, "application/json", body, false, Duration.ofMillis(20));
    }

    @Test
    void hedgedocStatusGivesTheDistinctUsersOnline() {
        Measurement m = HedgedocAnswers.status(answer(200, """
                {"onlineNotes":3,"onlineUsers":5,"distinctOnlineUsers":4,"notesCount":1203,"registeredUsers":88,
                 "onlineRegisteredUsers":2,"distinctOnlineRegisteredUsers":2,"isConnectionBusy":false,
                 "connectionSocketQueueLength":0,"isDisconnectBusy":false,"disconnectSocketQueueLength":0}"""));
        assertThat(m.status()).isEqualTo(HostStatus.UP);
        assertThat(m.activeUsers()).isEqualTo(4);
        assertThat(m.reason()).contains("4 users on 3 notes");
    }

    @Test
    void hedgedocWithItsStatsOffAnswersButCountsNoOne() {
        Measurement m = HedgedocAnswers.status(answer(403, "Forbidden"));
        assertThat(m.status()).isEqualTo(HostStatus.UP);
        assertThat(m.activeUsers()).isNull();
    }

    @Test
    void hedgedocBusyOrBrokenIsNotUp() {
        assertThat(HedgedocAnswers.status(answer(200, "{\"onlineNotes\":1,\"onlineUsers\":2,\"isConnectionBusy\":true}"))
                .status()).isEqualTo(HostStatus.DEGRADED);
        assertThat(HedgedocAnswers.status(answer(200, "<html>login</html>")).status()).isEqualTo(HostStatus.DOWN);
        assertThat(HedgedocAnswers.status(answer(502, "Bad Gateway")).status()).isEqualTo(HostStatus.DOWN);
        assertThat(HedgedocAnswers.status(answer(200, "{\"foo\":1}")).status()).isEqualTo(HostStatus.DEGRADED);
    }

    @Test
    void etherpadStatsAloneTellsHealthAndUsers() {
        Measurement m = EtherpadAnswers.statsAlone(answer(200, """
                {"totalUsers":14,"activePads":5,"memoryUsage":187342848,"memoryUsageHeap":92341232,
                 "connects":{"mean":0.01,"count":331,"currentRate":0}}"""));
        assertThat(m.status()).isEqualTo(HostStatus.UP);
        assertThat(m.activeUsers()).isEqualTo(14);
        assertThat(EtherpadAnswers.statsAlone(answer(404, "Not Found")).activeUsers()).isNull();
        assertThat(EtherpadAnswers.statsAlone(answer(404, "Not Found")).status()).isEqualTo(HostStatus.UP);
        assertThat(EtherpadAnswers.statsAlone(answer(502, "<html>Bad Gateway</html>")).status()).isEqualTo(HostStatus.DOWN);
        assertThat(EtherpadAnswers.statsAlone(answer(200, "<html>proxy login</html>")).status()).isEqualTo(HostStatus.DOWN);
    }

    @Test
    void aCutBodyIsNotRead() {
        Answer cut = new Answer(200, "application/json", "{\"totalUsers\":1", true, Duration.ZERO);
        assertThat(EtherpadAnswers.statsAlone(cut).status()).isEqualTo(HostStatus.DOWN);
        assertThat(EtherpadAnswers.statsAlone(cut).reason()).contains("larger than");
    }
}
