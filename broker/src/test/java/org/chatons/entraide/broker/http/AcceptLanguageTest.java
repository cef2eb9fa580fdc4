package org.chatons.entraide.broker.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** What the broker reads of Accept-Language: the preferred language, and the first region named. */
class AcceptLanguageTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "fr-BE,fr;q=0.9,en-US;q=0.8,en;q=0.7 | fr | BE",
            "fr-CA                               | fr | CA",
            "de-CH, fr-CH;q=0.8                  | de | CH",
            "fr,fr-FR;q=0.8,en;q=0.5             | fr | FR",
            "en;q=0.5, fr-BE;q=0.9               | fr | BE",
            "FR-be                               | fr | BE",
            "zh-Hant-TW,zh;q=0.9                 | zh | TW",
            "es-419,es;q=0.9                     | es | -",
            "fr                                  | fr | -",
            "*                                   | -  | -",
            "*;q=0.5, nl-BE;q=0.4                | nl | BE",
            "fr-CH;q=0, de                       | de | -",
            "fr-CH;q=abc, en-GB;q=0.5            | en | GB",
            "fr-CH;q=2, it                       | it | -",
            "x-klingon, i-default                | -  | -",
            "fr-BE, ,,,                          | fr | BE",
            "fr-BE;;, de                         | de | -",
            "'',                                 | -  | -"})
    void readsTheLanguageAndTheRegionPreferred(String header, String language, String region) {
        AcceptLanguage read = AcceptLanguage.parse(header.replace("''", ""));

        assertThat(read.language()).isEqualTo(language);
        assertThat(read.region()).isEqualTo(region);
    }

    @ParameterizedTest
    @ValueSource(strings = {"fr-BE,fr;q=0.9,en-US;q=0.8,en;q=0.7", "fr-FR,fr;q=0.8,en-US;q=0.5,en;q=0.3",
            "de-CH", "en-GB,en;q=0.9", "fr-CA,fr;q=0.9,en-CA;q=0.8,en;q=0.7", "nl-BE,nl;q=0.9,fr;q=0.8",
            "it-CH;q=0.9,de-CH;q=1.0", "pt-BR,pt;q=0.9,en;q=0.8", "en-US,en;q=0.5", "br-FR,fr-FR;q=0.9",
            "oc,fr;q=0.8", "ja"})
    void agreesWithTheJdksParserOnWhatBrowsersSend(String header) {
        List<Locale.LanguageRange> ranges = Locale.LanguageRange.parse(header);
        String language = ranges.get(0).getRange().split("-")[0];
        String region = ranges.stream().map(r -> Locale.forLanguageTag(r.getRange()).getCountry())
                .filter(c -> !c.isEmpty()).findFirst().orElse(null);

        AcceptLanguage read = AcceptLanguage.parse(header);

        assertThat(read.language()).isEqualTo(language);
        assertThat(read.region()).isEqualTo(region);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 1000, 100_000})
    void aHugeOrHostileHeaderIsReadInBoundedTime(int ranges) {
        String header = "xx-YY;q=0.1,".repeat(ranges) + "fr-BE";

        AcceptLanguage read = AcceptLanguage.parse(header);

        // Only the first ranges are looked at: a person's browser sends a handful.
        assertThat(read.language()).isEqualTo(ranges < 32 ? "fr" : "xx");
    }
}
