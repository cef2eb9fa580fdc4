package org.chatons.entraide.broker.chatonsinfos;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Optional;

/**
 * The date forms found in ChatonsInfos files (ChatonsDatesTest has each): ISO {@code 2020-07-06}, the
 * YunoHost generator's {@code 06/07/2020} (day first), and full date-times with or without a zone
 * ({@code 2020-07-06T14:23:20}, {@code 2020-07-06T14:23:20+02:00}); a space may stand for the {@code T}.
 */
public final class ChatonsDates {

    private static final DateTimeFormatter DAY_FIRST = DateTimeFormatter.ofPattern("d/M/uuuu").withResolverStyle(ResolverStyle.STRICT);
    private static final List<DateTimeFormatter> DATE_TIMES = List.of(DateTimeFormatter.ISO_LOCAL_DATE_TIME,
            DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm[:ss]").withResolverStyle(ResolverStyle.STRICT));

    private ChatonsDates() {
    }

    /** The day a value names, or empty when it is in none of the known forms. */
    public static Optional<LocalDate> day(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String v = value.strip();
        try {
            return Optional.of(LocalDate.parse(v));
        } catch (DateTimeParseException notIso) {
            // next form
        }
        try {
            return Optional.of(LocalDate.parse(v, DAY_FIRST));
        } catch (DateTimeParseException notDayFirst) {
            // next form
        }
        try {
            return Optional.of(OffsetDateTime.parse(v.replace(' ', 'T')).toLocalDate());
        } catch (DateTimeParseException notZoned) {
            // next form
        }
        for (DateTimeFormatter format : DATE_TIMES) {
            try {
                return Optional.of(LocalDateTime.parse(v, format).toLocalDate());
            } catch (DateTimeParseException e) {
                // next form
            }
        }
        return Optional.empty();
    }
}
