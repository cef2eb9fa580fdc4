package org.chatons.entraide.broker.counting;

/**
 * SipHash-2-4, the keyed hash made for short inputs such as a client's network: without its 128-bit key, its values
 * say nothing of the inputs. It stands where HMAC-SHA256 stood in {@link NetworkKeys}, which cost four SHA-256
 * compressions and two allocations on every {@code /go} (BENCHMARKS.md §3); the JDK and the libraries the broker
 * ships offer none, and its published test vectors pin this one ({@code SipHashTest}).
 */
final class SipHash {

    private SipHash() {
    }

    /** The hash of {@code message} under the key {@code (k0, k1)}, its two halves read as little-endian longs. */
    static long hash(long k0, long k1, byte[] message) {
        long v0 = 0x736f6d6570736575L ^ k0;
        long v1 = 0x646f72616e646f6dL ^ k1;
        long v2 = 0x6c7967656e657261L ^ k0;
        long v3 = 0x7465646279746573L ^ k1;
        // Two rounds per 8-byte block (the last one short, with the length in its top byte), then four.
        int blocks = message.length / Long.BYTES + 1;
        int compression = 2 * blocks;
        long m = 0;
        for (int round = 0; round < compression + 4; round++) {
            if (round < compression && round % 2 == 0) {
                m = block(message, round / 2, blocks);
                v3 ^= m;
            } else if (round == compression) {
                v2 ^= 0xff;
            }
            v0 += v1;
            v1 = Long.rotateLeft(v1, 13) ^ v0;
            v0 = Long.rotateLeft(v0, 32);
            v2 += v3;
            v3 = Long.rotateLeft(v3, 16) ^ v2;
            v0 += v3;
            v3 = Long.rotateLeft(v3, 21) ^ v0;
            v2 += v1;
            v1 = Long.rotateLeft(v1, 17) ^ v2;
            v2 = Long.rotateLeft(v2, 32);
            if (round < compression && round % 2 == 1) {
                v0 ^= m;
            }
        }
        return v0 ^ v1 ^ v2 ^ v3;
    }

    /** Block {@code b} of the message as a little-endian long; the last one holds the rest and the length. */
    private static long block(byte[] message, int b, int blocks) {
        int from = b * Long.BYTES;
        if (b < blocks - 1) {
            return littleEndian(message, from, Long.BYTES);
        }
        return (long) message.length << 56 | littleEndian(message, from, message.length - from);
    }

    private static long littleEndian(byte[] bytes, int from, int count) {
        long value = 0;
        for (int k = 0; k < count; k++) {
            value |= (bytes[from + k] & 0xffL) << (8 * k);
        }
        return value;
    }
}
