package org.chatons.entraide.broker.counting;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** SipHash-2-4's published test vectors: the key 00 01 .. 0f, and messages 00 01 .. of each length. */
class SipHashTest {

    /** The key 00 01 .. 0f, as two little-endian longs. */
    static final long K0 = 0x0706050403020100L;
    static final long K1 = 0x0f0e0d0c0b0a0908L;

    static byte[] counting(int length) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) i;
        }
        return bytes;
    }

    @Test
    void thePapersExampleOfFifteenBytes() {
        assertThat(SipHash.hash(K0, K1, counting(15))).isEqualTo(0xa129ca6149be45e5L);
    }

    @Test
    void theReferenceVectorsOfShortAndWholeBlocks() {
        assertThat(SipHash.hash(K0, K1, counting(0))).isEqualTo(0x726fdb47dd0e0e31L);
        assertThat(SipHash.hash(K0, K1, counting(1))).isEqualTo(0x74f839c593dc67fdL);
        assertThat(SipHash.hash(K0, K1, counting(8))).isEqualTo(0x93f5f5799a932462L);
    }

    @Test
    void anotherKeyGivesAnotherHash() {
        assertThat(SipHash.hash(K0 + 1, K1, counting(3))).isNotEqualTo(SipHash.hash(K0, K1, counting(3)));
        assertThat(SipHash.hash(K0, K1 + 1, counting(7))).isNotEqualTo(SipHash.hash(K0, K1, counting(7)));
    }
}
