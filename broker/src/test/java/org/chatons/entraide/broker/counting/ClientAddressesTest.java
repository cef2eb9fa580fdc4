package org.chatons.entraide.broker.counting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpRequest;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import org.chatons.entraide.broker.config.CountingConfig;
import org.chatons.entraide.broker.config.StartupError;
import org.junit.jupiter.api.Test;

class ClientAddressesTest {

    static CountingConfig config(String... trusted) {
        return new CountingConfig(Duration.ofSeconds(5), Duration.ofMinutes(5), 0.05, 20, 2, 20,
                Duration.ofMinutes(1), 1000, Duration.ofHours(24), List.of(trusted));
    }

    static HttpRequest<?> from(String peer, String... forwardedFor) throws Exception {
        MutableHttpRequest<?> request = HttpRequest.GET("/go/pad");
        for (String f : forwardedFor) {
            request.header("X-Forwarded-For", f);
        }
        InetSocketAddress address = new InetSocketAddress(InetAddress.getByName(peer), 40000);
        return new io.micronaut.http.simple.SimpleHttpRequest<>(request.getMethod(), "/go/pad", null) {
            @Override
            public InetSocketAddress getRemoteAddress() {
                return address;
            }

            @Override
            public io.micronaut.http.MutableHttpHeaders getHeaders() {
                return request.getHeaders();
            }
        };
    }

    @Test
    void withoutTrustedProxiesTheConnectionIsTheClientWhateverTheHeaderSays() throws Exception {
        ClientAddresses addresses = new ClientAddresses(config());

        assertThat(addresses.of(from("198.51.100.7", "203.0.113.9")).getHostAddress()).isEqualTo("198.51.100.7");
    }

    @Test
    void behindATrustedProxyTheClientIsTheRightMostUntrustedHop() throws Exception {
        ClientAddresses addresses = new ClientAddresses(config("10.0.0.0/8", "::1"));

        // A client can write anything on the left: only what the trusted proxies added counts.
        assertThat(addresses.of(from("10.1.2.3", "6.6.6.6, 203.0.113.9", "10.9.9.9")).getHostAddress())
                .isEqualTo("203.0.113.9");
        assertThat(addresses.of(from("10.1.2.3")).getHostAddress()).isEqualTo("10.1.2.3");
        assertThat(addresses.of(from("10.1.2.3", "not-an-address")).getHostAddress()).isEqualTo("10.1.2.3");
        // A header from a peer that is not a trusted proxy is ignored.
        assertThat(addresses.of(from("198.51.100.7", "203.0.113.9")).getHostAddress()).isEqualTo("198.51.100.7");
    }

    @Test
    void aBadTrustedProxyStopsTheBrokerNamingTheEntry() {
        assertThatThrownBy(() -> new ClientAddresses(config("10.0.0.0/8", "proxy.example.org")))
                .isInstanceOf(StartupError.class)
                .hasMessage("broker.counting.trusted-proxies[1]: 'proxy.example.org' (expected: an IP address or a "
                        + "CIDR range such as 10.0.0.0/8 or fd00::/8)");
        assertThatThrownBy(() -> new ClientAddresses(config("10.0.0.0/33")))
                .hasMessageStartingWith("broker.counting.trusted-proxies[0]: '10.0.0.0/33'");
    }
}
