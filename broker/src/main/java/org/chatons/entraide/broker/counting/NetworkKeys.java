package org.chatons.entraide.broker.counting;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;

/**
 * The key of a client's network, for {@link NetworkBudget}: the address cut to its network (the first 24 bits of an
 * IPv4 address, the first 56 of an IPv6 one: what one household, school or office gets), then a keyed hash of that,
 * the key random, in memory only, and replaced every {@code rotation} (a day at most). The address is never kept:
 * the key cannot be turned back into a network without the secret, and after a rotation not even with it.
 */
public final class NetworkKeys {

    private static final int IPV4_BYTES = 3;
    private static final int IPV6_BYTES = 7;

    /** A secret (a {@link SipHash} key) and until when it is used. */
    private record Secret(long k0, long k1, Instant until) {
    }

    private final Clock clock;
    private final Duration rotation;
    private final SecureRandom random = new SecureRandom();
    private volatile Secret secret;

    public NetworkKeys(Clock clock, Duration rotation) {
        if (rotation.compareTo(Duration.ZERO) <= 0 || rotation.compareTo(Duration.ofDays(1)) > 0) {
            throw new IllegalArgumentException("rotation: between 0 and 1 day (expected), got " + rotation);
        }
        this.clock = clock;
        this.rotation = rotation;
        this.secret = newSecret(clock.instant());
    }

    /** The key of the address's network under the current secret. */
    public long of(InetAddress address) {
        Secret current = current();
        return SipHash.hash(current.k0(), current.k1(), network(address));
    }

    /** The address cut to its network: /24 for IPv4 (and IPv4-mapped IPv6), /56 for IPv6. */
    static byte[] network(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (address instanceof Inet6Address && isMappedV4(bytes)) {
            bytes = Arrays.copyOfRange(bytes, 12, 16);
        }
        // The length tells the two families apart: a /24 and a /56 never share a key.
        return Arrays.copyOf(bytes, bytes.length == 4 ? IPV4_BYTES : IPV6_BYTES);
    }

    private static boolean isMappedV4(byte[] b) {
        for (int i = 0; i < 10; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return b[10] == (byte) 0xff && b[11] == (byte) 0xff;
    }

    private Secret current() {
        Secret s = secret;
        Instant now = clock.instant();
        if (!now.isBefore(s.until())) {
            synchronized (this) {
                s = secret;
                if (!now.isBefore(s.until())) {
                    s = newSecret(now);
                    secret = s;
                }
            }
        }
        return s;
    }

    private Secret newSecret(Instant now) {
        return new Secret(random.nextLong(), random.nextLong(), now.plus(rotation));
    }
}
