package org.chatons.entraide.broker.counting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.time.Duration;
import org.chatons.entraide.broker.TestClock;
import org.junit.jupiter.api.Test;

class NetworkKeysTest {

    final TestClock clock = new TestClock();
    final NetworkKeys keys = new NetworkKeys(clock, Duration.ofHours(24));

    static InetAddress ip(String literal) throws Exception {
        return InetAddress.getByName(literal);
    }

    @Test
    void anIpv4AddressIsItsSlash24() throws Exception {
        assertThat(keys.of(ip("192.0.2.10"))).isEqualTo(keys.of(ip("192.0.2.250")));
        assertThat(keys.of(ip("192.0.2.10"))).isNotEqualTo(keys.of(ip("192.0.3.10")));
        assertThat(keys.of(ip("::ffff:192.0.2.99"))).isEqualTo(keys.of(ip("192.0.2.1")));
    }

    @Test
    void anIpv6AddressIsItsSlash56() throws Exception {
        assertThat(keys.of(ip("2001:db8:0:1200::1"))).isEqualTo(keys.of(ip("2001:db8:0:12ff:ffff::9")));
        assertThat(keys.of(ip("2001:db8:0:1200::1"))).isNotEqualTo(keys.of(ip("2001:db8:0:1300::1")));
        assertThat(NetworkKeys.network(ip("2001:db8:0:1234::1"))).hasSize(7);
        assertThat(NetworkKeys.network(ip("192.0.2.1"))).hasSize(3);
    }

    @Test
    void theSecretIsRandomPerBrokerAndReplacedAfterTheRotation() throws Exception {
        long before = keys.of(ip("192.0.2.1"));
        assertThat(new NetworkKeys(clock, Duration.ofHours(24)).of(ip("192.0.2.1"))).isNotEqualTo(before);
        clock.advance(Duration.ofHours(23));
        assertThat(keys.of(ip("192.0.2.1"))).isEqualTo(before);

        clock.advance(Duration.ofHours(1));

        assertThat(keys.of(ip("192.0.2.1"))).isNotEqualTo(before);
    }

    @Test
    void aRotationOfMoreThanADayIsRefused() {
        assertThatThrownBy(() -> new NetworkKeys(clock, Duration.ofHours(25)))
                .hasMessageContaining("rotation");
    }
}
