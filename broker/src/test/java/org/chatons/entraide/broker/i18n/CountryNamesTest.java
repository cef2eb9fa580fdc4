package org.chatons.entraide.broker.i18n;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.chatons.entraide.broker.config.StartupError;
import org.junit.jupiter.api.Test;

/** "In" a country, for every ISO 3166-1 code, in both languages: the table is complete and its words well formed. */
class CountryNamesTest {

    static final Locale FR = Locale.FRENCH;
    static final Locale EN = Locale.ENGLISH;
    final CountryNames names = new MessagesFactory().countryNames();

    @Test
    void everyIso3166CodeHasItsRow() {
        Set<String> iso = new TreeSet<>(Set.of(Locale.getISOCountries()));
        iso.add("XK");
        assertThat(names.codes()).isEqualTo(iso);
    }

    @Test
    void theFrenchPrepositionIsTheCountrysOwn() {
        Map<String, String> expected = Map.ofEntries(
                Map.entry("GB", "au Royaume-Uni"), Map.entry("PH", "aux Philippines"), Map.entry("MC", "à Monaco"),
                Map.entry("ML", "au Mali"), Map.entry("NE", "au Niger"), Map.entry("TG", "au Togo"),
                Map.entry("GA", "au Gabon"), Map.entry("TD", "au Tchad"), Map.entry("RE", "à La Réunion"),
                Map.entry("YT", "à Mayotte"), Map.entry("BE", "en Belgique"), Map.entry("CA", "au Canada"),
                Map.entry("US", "aux États-Unis"), Map.entry("NL", "aux Pays-Bas"), Map.entry("FR", "en France"),
                Map.entry("IR", "en Iran"), Map.entry("CU", "à Cuba"), Map.entry("GD", "à la Grenade"),
                Map.entry("IM", "à l’Île de Man"), Map.entry("XK", "au Kosovo"), Map.entry("CH", "en Suisse"),
                Map.entry("LU", "au Luxembourg"), Map.entry("CI", "en Côte d’Ivoire"), Map.entry("SN", "au Sénégal"));
        expected.forEach((code, in) -> assertThat(names.in(code, FR)).as(code).isEqualTo(in));
    }

    @Test
    void englishSaysTheWhereTheNameWantsIt() {
        assertThat(names.in("NL", EN)).isEqualTo("in the Netherlands");
        assertThat(names.in("US", EN)).isEqualTo("in the United States");
        assertThat(names.in("PH", EN)).isEqualTo("in the Philippines");
        assertThat(names.in("CZ", EN)).isEqualTo("in Czechia");
        assertThat(names.in("BE", EN)).isEqualTo("in Belgium");
    }

    /** The rules a phrase must follow, whatever the code: the checks of every code, in both languages. */
    @Test
    void everyPhraseIsWellFormed() {
        for (String code : names.codes()) {
            String fr = names.in(code, FR);
            String name = CountryNames.name(code, FR);
            assertThat(fr).as(code).matches("(au|aux|en|à|à la|dans le|dans la|dans les) \\S.*|(à l’|dans l’)\\S.*")
                    .endsWith(name).doesNotContain("  ");
            // "en" before a masculine name starting with a consonant, "au" before a plural or a vowel: never.
            if (fr.startsWith("au ")) {
                assertThat(name).as(code).doesNotMatch("(?i)[aeiouéèêîïô].*");
            }
            if (fr.startsWith("aux ")) {
                assertThat(name).as(code).matches(".*s( .*)?|Fidji|Kiribati|Palaos|Samoa|Tokelau|Tonga|Tuvalu");
            }
            String en = names.in(code, EN);
            assertThat(en).as(code).isIn("in " + CountryNames.name(code, EN), "in the " + CountryNames.name(code, EN));
        }
    }

    @Test
    void aCodeTheTableLacksGetsNoGuessedArticle() {
        assertThat(names.in("QZ", FR)).isEqualTo("dans le pays QZ");
        assertThat(names.in("QZ", EN)).isEqualTo("in QZ");
    }

    @Test
    void aBrokenTableStopsTheBrokerNamingTheLine() {
        assertThatThrownBy(() -> new CountryNames("i18n-test/countries-broken.tsv"))
                .isInstanceOf(StartupError.class)
                .hasMessage("i18n-test/countries-broken.tsv line 3: expected code, fr, en separated by tabs, got 'BE\ten'");
    }
}
