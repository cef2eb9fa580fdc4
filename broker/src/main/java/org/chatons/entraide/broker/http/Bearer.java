package org.chatons.entraide.broker.http;

import java.util.Locale;

/** Reads the token of an {@code Authorization: Bearer ...} header. */
public final class Bearer {

    private static final String PREFIX = "bearer ";

    private Bearer() {
    }

    /** The token, or null when the header is missing or not a bearer token. */
    public static String token(String authorization) {
        if (authorization == null || authorization.length() <= PREFIX.length()
                || !authorization.substring(0, PREFIX.length()).toLowerCase(Locale.ROOT).equals(PREFIX)) {
            return null;
        }
        String token = authorization.substring(PREFIX.length()).trim();
        return token.isEmpty() ? null : token;
    }
}
