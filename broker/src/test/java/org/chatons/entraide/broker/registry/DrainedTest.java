package org.chatons.entraide.broker.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class DrainedTest {

    final Drained drained = new Drained();
    final HostKey one = new HostKey("alpha", "pad-1");
    final HostKey two = new HostKey("alpha", "pad-2");

    @Test
    void replacingSaysWhichHostsChangedEitherWay() {
        assertThat(drained.contains(one)).isFalse();
        assertThat(drained.replace(Set.of(one, two))).containsExactlyInAnyOrder(one, two);
        assertThat(drained.replace(Set.of(one, two))).isEmpty();
        assertThat(drained.replace(Set.of(two))).containsExactly(one);

        assertThat(drained.contains(one)).isFalse();
        assertThat(drained.contains(two)).isTrue();
        assertThat(drained.all()).containsExactly(two);
    }

    @Test
    void theCopyDoesNotFollowLaterChanges() {
        drained.replace(Set.of(one));
        Set<HostKey> copy = drained.all();
        drained.replace(Set.of());
        assertThat(copy).containsExactly(one);
        assertThat(drained.all()).isEmpty();
    }
}
