package org.chatons.entraide.agent.adapters;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import org.chatons.entraide.agent.DockerAvailable;
import org.chatons.entraide.agent.config.Secret;
import org.chatons.entraide.probes.Measurement;
import org.chatons.entraide.protocol.HostStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testcontainers.containers.Container.ExecResult;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * The adapters against the real images, where a Docker engine runs (skipped cleanly elsewhere): the current
 * Etherpad, which has /health, and Nextcloud with the serverinfo token.
 */
@ExtendWith(DockerAvailable.class)
@Testcontainers
class RealImagesTest {

    static final Duration TIMEOUT = Duration.ofSeconds(10);
    static final String NC_TOKEN = "entraide-test-nc-token";

    @Container
    static final GenericContainer<?> ETHERPAD = new GenericContainer<>("etherpad/etherpad:2.2.7")
            .withExposedPorts(9001)
            .waitingFor(Wait.forHttp("/health").forStatusCode(200))
            .withStartupTimeout(Duration.ofMinutes(3));

    @Container
    static final GenericContainer<?> NEXTCLOUD = new GenericContainer<>("nextcloud:29-apache")
            .withExposedPorts(80)
            .withEnv("SQLITE_DATABASE", "nextcloud")
            .withEnv("NEXTCLOUD_ADMIN_USER", "admin")
            .withEnv("NEXTCLOUD_ADMIN_PASSWORD", "entraide-test-password")
            .withEnv("NEXTCLOUD_TRUSTED_DOMAINS", "localhost 127.0.0.1")
            .waitingFor(Wait.forHttp("/status.php").forResponsePredicate(body -> body.contains("\"installed\":true")))
            .withStartupTimeout(Duration.ofMinutes(5));

    static URI url(GenericContainer<?> container, int port) {
        return URI.create("http://" + container.getHost() + ":" + container.getMappedPort(port) + "/");
    }

    @Test
    void etherpadReportsHealthAndAnOpenedPad() throws Exception {
        URI pad = url(ETHERPAD, 9001);
        Measurement idle = Probe.probe(new EtherpadAdapter(), pad, null, TIMEOUT, Clock.systemUTC());
        assertThat(idle.status()).isEqualTo(HostStatus.UP);
        assertThat(idle.reason()).contains("Etherpad 2.2.7 healthy");
        assertThat(idle.activeUsers()).isZero();

        try (PadVisitor visitor = new PadVisitor(pad, 4)) {
            visitor.open("entraide-probe-test");
            Measurement busy = Probe.probe(new EtherpadAdapter(), pad, null, TIMEOUT, Clock.systemUTC());
            assertThat(busy.activeUsers()).isEqualTo(1);
        }
    }

    @Test
    void nextcloudStatusAndServerinfoWithTheToken() throws Exception {
        ExecResult set = NEXTCLOUD.execInContainer("su", "-s", "/bin/sh", "www-data", "-c",
                "php /var/www/html/occ config:app:set serverinfo token --value " + NC_TOKEN);
        assertThat(set.getExitCode()).as(set.getStderr()).isZero();

        Measurement m = Probe.probe(new NextcloudAdapter(), url(NEXTCLOUD, 80), new Secret(NC_TOKEN), TIMEOUT,
                Clock.systemUTC());

        assertThat(m.status()).isEqualTo(HostStatus.UP);
        assertThat(m.reason()).contains("Nextcloud 29");
        assertThat(m.activeUsers()).isNotNull();
    }
}
