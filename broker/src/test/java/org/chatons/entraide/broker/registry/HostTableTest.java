package org.chatons.entraide.broker.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chatons.entraide.broker.Fixtures.host;
import static org.chatons.entraide.broker.Fixtures.member;

import java.time.Instant;
import org.chatons.entraide.broker.Fixtures;
import org.chatons.entraide.broker.counting.RedirectWeight;
import org.chatons.entraide.broker.counting.Sends;
import org.junit.jupiter.api.Test;

class HostTableTest {

    final HostTable table = new HostTable();

    @Test
    void aServiceNeverSeenHasNoHostsAndVersionZeroAndEachBumpChangesOnlyItsOwn() {
        assertThat(table.hosts("pad")).isEmpty();
        assertThat(table.get("pad", new HostKey("alpha", "pad-1"))).isNull();
        assertThat(table.version("pad")).isZero();

        table.bump("pad");
        table.bump("pad");
        assertThat(table.version("pad")).isEqualTo(2);
        assertThat(table.version("calc")).isZero();
    }

    @Test
    void hostsAreFoundByServiceAndKeyAndAllTogether() {
        HostKey key = new HostKey("alpha", "pad-1");
        TrackedHost tracked = new TrackedHost(new Host(key, member("alpha"), host("alpha", "pad-1", "pad", 1, 10),
                Instant.EPOCH, 30), new Sends(), new RedirectWeight<>(Fixtures.counting()));
        table.of("pad").put(key, tracked);

        assertThat(table.get("pad", key)).isSameAs(tracked);
        assertThat(table.get("calc", key)).isNull();
        assertThat(table.hosts("pad")).containsExactly(tracked);
        assertThat(table.all()).containsExactly(tracked);
    }
}
