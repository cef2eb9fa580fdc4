package org.chatons.entraide.broker.chatonsinfos;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The date forms of ChatonsInfos files (with the properties reader's tests until that moved to protocol/). */
class ChatonsDatesTest {

    @Test
    void theDateFormsOfTheReferenceAreRead() {
        assertThat(ChatonsDates.day("2020-07-06")).contains(LocalDate.of(2020, 7, 6));
        assertThat(ChatonsDates.day("06/07/2020")).contains(LocalDate.of(2020, 7, 6));
        assertThat(ChatonsDates.day("6/7/2020")).contains(LocalDate.of(2020, 7, 6));
        assertThat(ChatonsDates.day("2020-07-06T14:23:20")).contains(LocalDate.of(2020, 7, 6));
        assertThat(ChatonsDates.day("2020-07-06 14:23")).contains(LocalDate.of(2020, 7, 6));
        assertThat(ChatonsDates.day("2020-07-06T14:23:20+02:00")).contains(LocalDate.of(2020, 7, 6));
        assertThat(ChatonsDates.day(" 2024-06-30 ")).contains(LocalDate.of(2024, 6, 30));
        for (String bad : List.of("", "juin 2024", "31/02/2024", "2024-13-01", "tomorrow")) {
            assertThat(ChatonsDates.day(bad)).as(bad).isEmpty();
        }
    }
}
