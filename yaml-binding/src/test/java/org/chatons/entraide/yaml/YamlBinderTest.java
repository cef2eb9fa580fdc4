package org.chatons.entraide.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class YamlBinderTest {

    record Entry(At<String> name, At<Integer> size) {
    }

    record File(At<Duration> every, At<LocalDate> until, At<List<At<Entry>>> entries, At<Boolean> on) {
    }

    static final String TEXT = """
            every: 30s
            until: 2027-06-30
            entries:
              - name: a
                size: 3
              - {name: b, size: lots, colour: red}
            """;

    @Test
    void everyValueKeepsItsLineAndWhatWasWritten() throws Exception {
        YamlBinder.Bound<File> bound = YamlBinder.bind(TEXT, File.class);
        File file = bound.root().value();

        assertThat(file.every()).isEqualTo(new At<>(Duration.ofSeconds(30), "30s", 1, false));
        assertThat(file.until().value()).isEqualTo(LocalDate.of(2027, 6, 30));
        assertThat(file.entries().value()).hasSize(2);
        At<Entry> second = file.entries().value().get(1);
        assertThat(second.line()).isEqualTo(6);
        assertThat(second.value().size()).as("a word where a number belongs is kept, not fatal")
                .isEqualTo(new At<>(null, "lots", 6, true));
        assertThat(file.on()).as("an absent key").isNull();
    }

    @Test
    void unknownKeysAreCollectedWithTheirLineAndPath() throws Exception {
        YamlBinder.Bound<File> bound = YamlBinder.bind(TEXT + "colour: blue\n", File.class);

        assertThat(bound.unknownKeys()).extracting(YamlBinder.UnknownKey::line, YamlBinder.UnknownKey::path)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(6, "entries[1].colour"),
                        org.assertj.core.groups.Tuple.tuple(7, "colour"));
        assertThat(bound.unknownKeys().get(0).known()).containsExactly("name", "size");
    }

    @Test
    void aListWhereOneValueBelongsAndAnEmptyValueAreToldApart() throws Exception {
        File file = YamlBinder.bind("every: [1, 2]\nuntil:\n", File.class).root().value();

        assertThat(file.every().structured()).isTrue();
        assertThat(file.until().empty()).isTrue();
        assertThat(file.until().line()).isEqualTo(2);
    }

    @Test
    void brokenYamlAndKeysGivenTwiceStopWithTheirLine() {
        assertThatThrownBy(() -> YamlBinder.bind("every: 1s\nentries: [unclosed\nuntil: x\n", File.class))
                .isInstanceOfSatisfying(YamlBinder.Unparsable.class, e -> {
                    assertThat(e.line()).isEqualTo(3);
                    assertThat(e.getMessage()).startsWith("not valid YAML: ");
                });
        assertThatThrownBy(() -> YamlBinder.bind("every: 1s\nevery: 2s\n", File.class))
                .hasMessage("key 'every' given twice");
    }

    @Test
    void anEmptyFileBindsToNothing() throws Exception {
        assertThat(YamlBinder.bind("", File.class).root()).isNull();
    }

    @Test
    void durationsAreMicronauts() {
        assertThat(Durations.parse("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(Durations.parse("5m")).isEqualTo(Duration.ofMinutes(5));
        assertThat(Durations.parse("1h")).isEqualTo(Duration.ofHours(1));
        assertThat(Durations.parse("2d")).isEqualTo(Duration.ofDays(2));
        assertThat(Durations.parse("PT30S")).isEqualTo(Duration.ofSeconds(30));
        for (String bad : List.of("", "30", "5 s", "-5s", "PT-1S", "soon", "1.5s")) {
            assertThat(Durations.parse(bad)).as(bad).isNull();
        }
    }
}
