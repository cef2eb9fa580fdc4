package org.chatons.entraide.broker.rooms;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Weighted rendezvous hashing (highest random weight): a host's score for a name is {@code -capacity / ln(u)},
 * where {@code u} in (0, 1) is drawn from SHA-256 of the host's key and the name. The host of highest score wins;
 * each host wins a share of names equal to its share of capacity, and removing a host moves only the names it won.
 *
 * <p>SHA-256 from the JDK, over UTF-8 bytes: the same on every JVM, broker and restart, unlike
 * {@code String.hashCode} mixed with a per-process seed. It is not a secret: someone who wants a name on a given
 * host can find one by trying, which gains nothing but that room.
 */
final class Rendezvous {

    /** Never updated, only copied: a copy costs less than a look-up of the provider for every score. */
    private static final MessageDigest SHA_256 = sha256();

    private Rendezvous() {
    }

    /** The host's score for the name (higher wins); positive and finite for a positive capacity. */
    static double score(String hostKey, String nameKey, int capacity) {
        return -capacity / Math.log(unit(hostKey, nameKey));
    }

    /** A number in (0, 1) from the first 53 bits of SHA-256 of the host's key, a zero byte and the name. */
    static double unit(String hostKey, String nameKey) {
        MessageDigest sha = copy();
        sha.update(hostKey.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
        byte[] digest = sha.digest(nameKey.getBytes(StandardCharsets.UTF_8));
        long bits = 0;
        for (int k = 0; k < Long.BYTES; k++) {
            bits = (bits << 8) | (digest[k] & 0xff);
        }
        // 53 bits, offset by half a step so that neither 0 (ln = -inf) nor 1 (ln = 0) can come out.
        return ((bits >>> 11) + 0.5) / (1L << 53);
    }

    private static MessageDigest copy() {
        try {
            return (MessageDigest) SHA_256.clone();
        } catch (CloneNotSupportedException e) {
            return sha256();
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
