package org.chatons.entraide.protocol;

import java.net.URI;
import java.util.Locale;

/**
 * Where a member is and what it owns, as the members file, the ChatonsInfos files and a person's choice on the
 * picker say it: one rule each for a country code, a language code and a domain.
 */
public final class Places {

    private Places() {
    }

    /** An ISO 3166 country code in capitals ({@code FR}, {@code BE}). */
    public static boolean isCountry(String code) {
        return code != null && code.length() == 2 && within(code, 'A', 'Z');
    }

    /** An ISO 639 language code in lower case ({@code fr}, {@code oc}, {@code bzh}). */
    public static boolean isLanguage(String code) {
        return code != null && code.length() >= 2 && code.length() <= 3 && within(code, 'a', 'z');
    }

    /**
     * Whether the address's host is the domain or under it ({@code pad.example.org} is under {@code example.org},
     * {@code evilexample.org} is not), compared without case.
     */
    public static boolean isUnder(URI uri, String domain) {
        if (uri.getHost() == null || domain == null || domain.isEmpty()) {
            return false;
        }
        String h = uri.getHost().toLowerCase(Locale.ROOT);
        String d = domain.toLowerCase(Locale.ROOT);
        return h.equals(d) || h.endsWith("." + d);
    }

    /** Checked by hand rather than by a regular expression: {@code /go} checks one on every redirect. */
    private static boolean within(String code, char first, char last) {
        for (int k = 0; k < code.length(); k++) {
            if (code.charAt(k) < first || code.charAt(k) > last) {
                return false;
            }
        }
        return true;
    }
}
