package org.chatons.entraide.broker.http;

import java.util.Locale;

/**
 * What an {@code Accept-Language} header says of the person: the language they prefer (the primary subtag of the
 * range with the highest weight) and the region of their most preferred range that names one ({@code fr-BE}: BE).
 * Ranges of weight 0, wildcards, private-use tags and malformed weights are passed over; a header that says
 * nothing usable gives nothing.
 *
 * <p>A parser of its own rather than {@link Locale.LanguageRange#parse}: {@code /go} reads the header on every
 * redirect, and the JDK's parser, which builds and checks every range, costs about 1.5 µs a header here, several
 * per cent of a redirect. This one reads the header in place, allocates only the two codes it returns, and stops
 * at the first range of full weight that names a region, the first range of what browsers send
 * ({@code fr-BE,fr;q=0.9,...}). Tested against the JDK's on the headers browsers send.
 *
 * @param language ISO 639 code, lower case, or null
 * @param region   ISO 3166 code, capitals, or null (numeric regions such as {@code es-419} are not countries)
 */
public record AcceptLanguage(String language, String region) {

    static final AcceptLanguage NONE = new AcceptLanguage(null, null);

    /** Only so many ranges are looked at: browsers send a handful, more is not a person's header. */
    private static final int MAX_RANGES = 32;
    /** Weights in thousandths (RFC 9110: at most three decimals); 1000 is full weight. */
    private static final int FULL = 1000;

    public static AcceptLanguage parse(String header) {
        if (header == null || header.isEmpty()) {
            return NONE;
        }
        int languageAt = -1;
        int regionAt = -1;
        int languageWeight = 0;
        int regionWeight = 0;
        int start = 0;
        for (int ranges = 0; start < header.length() && ranges < MAX_RANGES; ranges++) {
            int end = header.indexOf(',', start);
            end = end < 0 ? header.length() : end;
            int semicolon = header.indexOf(';', start);
            int tagEnd = semicolon >= 0 && semicolon < end ? semicolon : end;
            int weight = tagEnd < end ? weight(header, tagEnd + 1, end) : FULL;
            int from = skipSpaces(header, start, tagEnd);
            start = end + 1;
            int primaryEnd = subtagEnd(header, from, tagEnd);
            if (weight <= 0 || !letters(header, from, primaryEnd, 2, 3)) {
                continue;
            }
            if (weight > languageWeight) {
                languageAt = from;
                languageWeight = weight;
            }
            int region = region(header, primaryEnd, tagEnd);
            if (region >= 0 && weight > regionWeight) {
                regionAt = region;
                regionWeight = weight;
            }
            if (languageWeight == FULL && regionWeight == FULL) {
                break;
            }
        }
        if (languageAt < 0 && regionAt < 0) {
            return NONE;
        }
        return new AcceptLanguage(
                languageAt < 0 ? null
                        : header.substring(languageAt, subtagEnd(header, languageAt, header.length())).toLowerCase(Locale.ROOT),
                regionAt < 0 ? null : header.substring(regionAt, regionAt + 2).toUpperCase(Locale.ROOT));
    }

    /**
     * Where the region subtag starts, after the language and an optional 4-letter script ({@code zh-Hant-TW}:
     * TW), or -1 when the range names none.
     */
    private static int region(String s, int primaryEnd, int tagEnd) {
        if (primaryEnd >= tagEnd || s.charAt(primaryEnd) != '-') {
            return -1;
        }
        int from = primaryEnd + 1;
        int end = subtagEnd(s, from, tagEnd);
        if (letters(s, from, end, 4, 4) && end < tagEnd) {
            from = end + 1;
            end = subtagEnd(s, from, tagEnd);
        }
        return letters(s, from, end, 2, 2) ? from : -1;
    }

    /** The {@code q} of a range's parameters in thousandths; 0 (not wanted) when it is malformed. */
    private static int weight(String s, int from, int end) {
        from = skipSpaces(s, from, end);
        while (end > from && s.charAt(end - 1) == ' ') {
            end--;
        }
        if (end - from < 3 || Character.toLowerCase(s.charAt(from)) != 'q' || s.charAt(from + 1) != '=') {
            return 0;
        }
        int k = from + 2;
        char unit = s.charAt(k);
        if (unit != '0' && unit != '1') {
            return 0;
        }
        int value = (unit - '0') * FULL;
        if (++k < end) {
            if (s.charAt(k) != '.' || end - k > 4) {
                return 0;
            }
            int scale = FULL / 10;
            for (k++; k < end; k++, scale /= 10) {
                char digit = s.charAt(k);
                if (digit < '0' || digit > '9') {
                    return 0;
                }
                value += (digit - '0') * scale;
            }
        }
        return value <= FULL ? value : 0;
    }

    private static int skipSpaces(String s, int from, int end) {
        while (from < end && (s.charAt(from) == ' ' || s.charAt(from) == '\t')) {
            from++;
        }
        return from;
    }

    /** The end of the subtag starting at {@code from}: the next '-', space, ';' or {@code end}. */
    private static int subtagEnd(String s, int from, int end) {
        int k = from;
        while (k < end && s.charAt(k) != '-' && s.charAt(k) != ' ' && s.charAt(k) != ';' && s.charAt(k) != ','
                && s.charAt(k) != '\t') {
            k++;
        }
        return k;
    }

    private static boolean letters(String s, int from, int end, int min, int max) {
        if (end - from < min || end - from > max) {
            return false;
        }
        for (int k = from; k < end; k++) {
            char c = s.charAt(k);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z')) {
                return false;
            }
        }
        return true;
    }
}
