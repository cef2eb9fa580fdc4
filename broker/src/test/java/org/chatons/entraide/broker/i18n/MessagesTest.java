package org.chatons.entraide.broker.i18n;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ibm.icu.text.MessagePattern;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.chatons.entraide.broker.config.StartupError;
import org.junit.jupiter.api.Test;

/**
 * Every text of the picker, in both languages, rendered with names that a message format could mangle and with
 * counts 0, 1 and 2: grammar, not text built around a number, and names shown as written.
 */
class MessagesTest {

    /** An apostrophe, quotes, braces, a tag and an entity: each must come out exactly as it went in. */
    static final String NAME = "L'Atelier \"{0}\" <b>&amp; Cie</b>";
    static final Locale FR = Locale.FRENCH;
    static final Locale EN = Locale.ENGLISH;

    final Messages messages = new MessagesFactory().messages();

    @Test
    void everyMessageOfBothLanguagesRendersWithAnyNameAndCountWithNothingLeftOfItsSyntax() {
        assertThat(messages.keys()).hasSizeGreaterThan(40);
        int rendered = 0;
        for (Locale language : messages.languages()) {
            for (String key : messages.keys()) {
                for (Object[] arguments : argumentSets(messages.pattern(language, key))) {
                    String text = messages.format(language, key, arguments);
                    String where = language + " " + key + " " + List.of(arguments);
                    assertThat(text).as(where).isNotBlank();
                    String own = text.replace(NAME, "");
                    assertThat(own).as(where).doesNotContain("{", "}", "#", "'", "(s)", "LAtelier");
                    assertThat(text.strip()).as(where).isEqualTo(text).doesNotContain("  ");
                    rendered++;
                }
            }
        }
        assertThat(rendered).isGreaterThan(100);
    }

    @Test
    void namesAreShownAsWrittenWhereverTheyGo() {
        for (Locale language : messages.languages()) {
            assertThat(messages.format(language, "hosts.go", NAME)).contains(NAME);
            assertThat(messages.format(language, "nohost.title", NAME)).startsWith(NAME);
            assertThat(messages.format(language, "index.replaces", "X {Twitter}")).endsWith("X {Twitter}");
        }
        assertThat(messages.format(FR, "hosts.go", "L'Atelier Numérique Solidaire"))
                .isEqualTo("Aller chez L'Atelier Numérique Solidaire");
        assertThat(messages.format(FR, "nohost.title", "Raccourcisseur d'adresses"))
                .isEqualTo("Raccourcisseur d'adresses\u202f: aucun membre disponible pour le moment");
        assertThat(messages.format(EN, "nohost.title", "Image sharing"))
                .isEqualTo("Image sharing: no member available right now");
    }

    @Test
    void countsChooseTheirFormByEachLanguagesRules() {
        Map<String, List<String>> expected = new LinkedHashMap<>();
        expected.put("fr index.hosts", List.of("Aucun membre ne peut vous accueillir en ce moment",
                "1 membre peut vous accueillir maintenant", "2 membres peuvent vous accueillir maintenant"));
        expected.put("en index.hosts", List.of("No member can take you right now", "1 member can take you now",
                "2 members can take you now"));
        expected.put("fr nohost.others", List.of("Aucun autre membre ne le propose",
                "Voir l’autre membre qui le propose, indisponible lui aussi",
                "Voir les 2 autres membres qui le proposent, indisponibles eux aussi"));
        expected.put("en nohost.others", List.of("No other member offers it",
                "See the other member who offers it, not available right now either",
                "See the 2 other members who offer it, not available right now either"));
        expected.forEach((which, texts) -> {
            Locale language = Locale.forLanguageTag(which.substring(0, 2));
            String key = which.substring(3);
            for (int count = 0; count <= 2; count++) {
                assertThat(messages.format(language, key, count)).as("%s, %d", which, count)
                        .isEqualTo(texts.get(count));
            }
        });
        // French counts 0 and 1 alike ("one"); the explicit =0 form is what keeps 0 from reading "0 membre".
        assertThat(messages.format(FR, "index.hosts", 1000)).isEqualTo("1\u202f000 membres peuvent vous accueillir maintenant");
    }

    @Test
    void countriesTakeTheirPrepositionAndTheSentencesTheirParts() {
        assertThat(messages.format(FR, "near.first", "both", "au Canada", "anglais")).isEqualTo(
                "Vous êtes envoyé·e d’abord chez les membres au Canada, puis chez ceux qui parlent anglais, "
                        + "tant qu’ils ont presque autant de place que les autres.");
        assertThat(messages.format(EN, "near.first", "chosen", "in Belgium", "")).isEqualTo(
                "You are sent to a member in Belgium whenever one of them has room, elsewhere only when none has.");
        assertThat(messages.format(EN, "near.first", "country", "in Belgium", "")).isEqualTo(
                "You are sent first to members in Belgium, as long as they have nearly as much room as the others.");
        assertThat(messages.format(EN, "near.first", "language", "", "German")).isEqualTo(
                "You are sent first to members who speak German, as long as they have nearly as much room as the "
                        + "others.");
        assertThat(messages.format(FR, "near.first", "none", "", ""))
                .isEqualTo("Vous êtes envoyé·e chez un membre qui a de la place, où qu’il soit.");
        assertThat(messages.format(FR, "near.nohost", "en Suisse"))
                .isEqualTo("Aucun membre ne peut vous accueillir, ni en Suisse ni ailleurs.");
        assertThat(messages.format(EN, "near.nohost", "in Switzerland"))
                .isEqualTo("No member can take you, in Switzerland or anywhere else.");
    }

    @Test
    void aPatternThatDoesNotParseStopsTheBrokerNamingTheFileAndKey() {
        assertThatThrownBy(() -> new Messages("i18n-test/broken", List.of(FR, EN)))
                .isInstanceOf(StartupError.class)
                .hasMessageStartingWith("i18n-test/broken_fr.properties: count: not an ICU message format");
    }

    @Test
    void aTextMissingFromOneLanguageStopsTheBrokerNamingIt() {
        assertThatThrownBy(() -> new Messages("i18n-test/uneven", List.of(FR, EN)))
                .isInstanceOf(StartupError.class)
                .hasMessageContaining("only.fr");
        assertThatThrownBy(() -> new Messages("i18n-test/none", List.of(FR)))
                .isInstanceOf(StartupError.class).hasMessage("i18n-test/none_fr.properties: missing from the classpath");
    }

    @Test
    void anUnknownKeyIsAnErrorNotABlank() {
        assertThatThrownBy(() -> messages.format(FR, "no.such.key")).hasMessageContaining("no.such.key");
    }

    /**
     * Every combination of arguments the pattern can take: each count argument 0, 1 and 2, each select argument
     * each of its keywords and one it does not know, each other argument {@link #NAME}.
     */
    static List<Object[]> argumentSets(String pattern) {
        MessagePattern parsed = new MessagePattern(pattern);
        Map<Integer, List<Object>> choices = new LinkedHashMap<>();
        for (int i = 0; i < parsed.countParts(); i++) {
            MessagePattern.Part part = parsed.getPart(i);
            if (part.getType() != MessagePattern.Part.Type.ARG_START) {
                continue;
            }
            int number = parsed.getPart(i + 1).getValue();
            List<Object> values = choices.computeIfAbsent(number, n -> new ArrayList<>());
            switch (part.getArgType()) {
                case PLURAL, SELECTORDINAL -> values.addAll(List.of(0, 1, 2));
                case SELECT -> {
                    for (int j = i + 2; j < parsed.getLimitPartIndex(i); j++) {
                        MessagePattern.Part selector = parsed.getPart(j);
                        if (selector.getType() == MessagePattern.Part.Type.ARG_SELECTOR) {
                            values.add(parsed.getSubstring(selector));
                            j = parsed.getLimitPartIndex(j + 1);
                        }
                    }
                    values.add("XX");
                }
                default -> values.add(NAME);
            }
        }
        List<Object[]> sets = new ArrayList<>();
        sets.add(new Object[choices.isEmpty() ? 0 : choices.keySet().stream().max(Integer::compare).get() + 1]);
        for (var entry : choices.entrySet()) {
            List<Object[]> next = new ArrayList<>();
            for (Object[] set : sets) {
                for (Object value : entry.getValue().stream().distinct().toList()) {
                    Object[] copy = set.clone();
                    copy[entry.getKey()] = value;
                    next.add(copy);
                }
            }
            sets = next;
        }
        for (Object[] set : sets) {
            for (int k = 0; k < set.length; k++) {
                if (set[k] == null) {
                    set[k] = NAME;
                }
            }
        }
        return sets;
    }
}
