package org.chatons.entraide.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The declared fields are the records' own: same names, same order, the same rule for null. */
class ReportFieldsTest {

    @Test
    void theReportsFieldsAreTheRecordsComponentsThenItsHosts() {
        assertThat(ReportFields.REPORT).extracting(ReportFields.Field::name)
                .containsExactlyElementsOf(names(Report.class).subList(0, 3));
        assertThat(names(Report.class).get(3)).isEqualTo(ReportFields.HOSTS);
    }

    @Test
    void aHostsFieldsAreTheRecordsComponentsAndOnlyTheAlwaysIncludedOneIsWrittenWhenNull() throws Exception {
        assertThat(ReportFields.HOST).extracting(ReportFields.Field::name)
                .containsExactlyElementsOf(names(HostReport.class));
        for (RecordComponent component : HostReport.class.getRecordComponents()) {
            // @JsonInclude does not target record components: Java puts it on the field.
            JsonInclude include = HostReport.class.getDeclaredField(component.getName()).getAnnotation(JsonInclude.class);
            boolean always = include != null && include.value() == JsonInclude.Include.ALWAYS;
            assertThat(ReportFields.HOST).filteredOn(f -> f.name().equals(component.getName()))
                    .singleElement().extracting(ReportFields.Field::writtenWhenNull).as(component.getName())
                    .isEqualTo(always);
        }
    }

    @Test
    void eachFieldReadsItsOwnValue() {
        Instant at = Instant.parse("2026-11-23T18:00:00Z");
        HostReport host = new HostReport("pad-1", "pad", "etherpad", "https://pad.example.org/", HostStatus.UP, true,
                3, 10, 0.3, "fine", at, "meet/{name}", at.minusSeconds(600));

        assertThat(ReportFields.HOST).extracting(f -> f.value().apply(host))
                .containsExactly("pad-1", "pad", "etherpad", "https://pad.example.org/", HostStatus.UP, true, 3, 10,
                        0.3, "fine", at, "meet/{name}", at.minusSeconds(600));
        assertThat(ReportFields.REPORT).extracting(f -> f.value().apply(new Report("alpha", at, 30, List.of(host))))
                .containsExactly("alpha", at, 30);
    }

    private static List<String> names(Class<?> record) {
        return Arrays.stream(record.getRecordComponents()).map(RecordComponent::getName).toList();
    }
}
