package org.chatons.entraide.broker.http;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The {@code Date} header's value (RFC 9110's IMF-fixdate), formatted once a second rather than on every answer:
 * Micronaut formats it anew for each response, which cost a few per cent of a {@code /go} redirect's time.
 * A response that already has a {@code Date} keeps it.
 */
@Singleton
public final class HttpDate {

    private static final DateTimeFormatter IMF_FIXDATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private record Formatted(long second, String value) {
    }

    private final Clock clock;
    private volatile Formatted last = new Formatted(Long.MIN_VALUE, "");

    HttpDate(Clock clock) {
        this.clock = clock;
    }

    /** Now, to the second. */
    public String now() {
        long second = Math.floorDiv(clock.millis(), 1000);
        Formatted formatted = last;
        if (formatted.second() != second) {
            formatted = new Formatted(second, IMF_FIXDATE.format(Instant.ofEpochSecond(second)));
            last = formatted;
        }
        return formatted.value();
    }
}
