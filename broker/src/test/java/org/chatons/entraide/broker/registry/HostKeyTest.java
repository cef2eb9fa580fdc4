package org.chatons.entraide.broker.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HostKeyTest {

    @Test
    void numberedHostsOfNumberedMembersKeepApartInHashedMaps() {
        Set<Integer> codes = new HashSet<>();
        for (int m = 0; m < 100; m++) {
            for (int h = 0; h < 100; h++) {
                codes.add(new HostKey(String.format(Locale.ROOT, "member-%03d", m), "pad-" + h).hashCode());
            }
        }

        // The record's own hash gave these 10,000 keys about 2,800 codes.
        assertThat(codes).hasSizeGreaterThan(9_990);
    }

    @Test
    void equalKeysAreEqualAndHashAlike() {
        HostKey key = new HostKey("chapril", "pad-1");
        HostKey same = new HostKey(new String("chapril"), new String("pad-1"));

        assertThat(same).isEqualTo(key).hasSameHashCodeAs(key);
        assertThat(new HostKey("chapril", "pad-2")).isNotEqualTo(key);
        assertThat(new HostKey("pad-1", "chapril")).isNotEqualTo(key);
        assertThat(key).isNotEqualTo("chapril/pad-1");
    }
}
