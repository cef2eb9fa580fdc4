package org.chatons.entraide.broker.selection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The codes a person's preference is given in, checked by hand on every redirect: exactly as documented. */
class NearbyCodesTest {

    @Test
    void aCountryIsTwoCapitalLettersFromAToZ() {
        assertThat(Nearby.isCountry("BE")).isTrue();
        assertThat(Nearby.isCountry("AZ")).as("both ends of the range").isTrue();
        assertThat(Nearby.isCountry("ZA")).isTrue();
        // '@' comes just before 'A', '[' just after 'Z'.
        assertThat(Nearby.isCountry("@A")).isFalse();
        assertThat(Nearby.isCountry("Z[")).isFalse();
        assertThat(Nearby.isCountry("be")).isFalse();
        assertThat(Nearby.isCountry("B")).isFalse();
        assertThat(Nearby.isCountry("BEL")).isFalse();
        assertThat(Nearby.isCountry("B1")).isFalse();
        assertThat(Nearby.isCountry(null)).isFalse();
    }

    @Test
    void aLanguageIsTwoOrThreeSmallLettersFromAToZ() {
        assertThat(Nearby.isLanguage("fr")).isTrue();
        assertThat(Nearby.isLanguage("oci")).isTrue();
        assertThat(Nearby.isLanguage("az")).as("both ends of the range").isTrue();
        assertThat(Nearby.isLanguage("za")).isTrue();
        // '`' comes just before 'a', '{' just after 'z'.
        assertThat(Nearby.isLanguage("`a")).isFalse();
        assertThat(Nearby.isLanguage("z{")).isFalse();
        assertThat(Nearby.isLanguage("f")).isFalse();
        assertThat(Nearby.isLanguage("fren")).isFalse();
        assertThat(Nearby.isLanguage("FR")).isFalse();
        assertThat(Nearby.isLanguage("f1")).isFalse();
        assertThat(Nearby.isLanguage(null)).isFalse();
    }

    @Test
    void onlyAPreferenceWithNeitherCountryNorLanguageIsAnywhere() {
        assertThat(Nearby.ANYWHERE.anywhere()).isTrue();
        assertThat(new Nearby(null, null)).isEqualTo(Nearby.ANYWHERE);
        assertThat(new Nearby("BE", null).anywhere()).isFalse();
        assertThat(new Nearby(null, "fr").anywhere()).isFalse();
        assertThat(new Nearby("BE", "nl").anywhere()).isFalse();
    }

    @Test
    void aPreferenceIsMadeOnlyOfValidCodesAndSaysWhichIsWrong() {
        assertThat(new Nearby("CH", "de")).isEqualTo(new Nearby("CH", "de"));
        assertThatThrownBy(() -> new Nearby("CHE", "de"))
                .hasMessage("country: 'CHE' (expected: two capital letters, e.g. BE)");
        assertThatThrownBy(() -> new Nearby("CH", "DE"))
                .hasMessage("language: 'DE' (expected: 2 or 3 small letters, e.g. fr)");
    }
}
