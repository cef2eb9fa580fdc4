package org.chatons.entraide.broker.config;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** Bearer tokens are known to the broker only by their SHA-256, so a leaked configuration leaks no token. */
public final class Sha256 {

    private static final Pattern HEX = Pattern.compile("[0-9a-fA-F]{64}");

    private Sha256() {
    }

    public static boolean isHex(String value) {
        return value != null && HEX.matcher(value).matches();
    }

    /** Lower-case hex SHA-256 of a token. */
    public static String hex(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** Compares in constant time, so response times tell an attacker nothing about the expected hash. */
    public static boolean matches(String token, String expectedHex) {
        if (token == null || expectedHex == null) {
            return false;
        }
        return MessageDigest.isEqual(hex(token).getBytes(StandardCharsets.US_ASCII),
                expectedHex.toLowerCase().getBytes(StandardCharsets.US_ASCII));
    }
}
