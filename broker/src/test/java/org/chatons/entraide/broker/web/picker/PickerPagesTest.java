package org.chatons.entraide.broker.web.picker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chatons.entraide.broker.Fixtures.closed;
import static org.chatons.entraide.broker.Fixtures.host;
import static org.chatons.entraide.broker.Fixtures.usersUnknown;
import static org.chatons.entraide.broker.Fixtures.withStatus;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.chatons.entraide.broker.BrokerTestBase;
import org.chatons.entraide.protocol.HostReport;
import org.chatons.entraide.protocol.HostStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The picker's pages as HTML: languages, contents, and what they must never contain. */
@MicronautTest
class PickerPagesTest extends BrokerTestBase {

    static final String BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    HttpResponse<String> page(String path, String acceptLanguage) {
        var request = request(path).header("Accept", BROWSER_ACCEPT);
        if (acceptLanguage != null) {
            request.header("Accept-Language", acceptLanguage);
        }
        return send(request.GET());
    }

    @BeforeEach
    void federation() {
        report("alpha", host("alpha", "pad-1", "pad", 10, 100), host("alpha", "visio-1", "visio", 95, 100));
        report("beta", closed(host("beta", "visio-2", "visio", 5, 50)),
                withStatus(host("beta", "pad-2", "pad", 0, 100), HostStatus.DOWN));
    }

    @Test
    void withTheDefaultSettingsThePagesSayAMinute() {
        assertThat(page("/services/pad", "fr").body()).contains("nous les vérifions nous-mêmes une fois par minute.")
                .contains("oublié au bout d’une minute.");
        assertThat(page("/services/pad", "en").body()).contains("we check ourselves once a minute.")
                .contains("forgotten after a minute.");
    }

    @Test
    void pagesAreRenderedWhereTheyAreAnswered() {
        HttpResponse<String> home = page("/", null);

        assertThat(home.headers().firstValue("Content-Type")).hasValue("text/html;charset=utf-8");
        assertThat(home.body()).startsWith("<!DOCTYPE html>");
    }

    @Test
    void theHomePageHasACardPerOfferedServiceInFrenchByDefault() {
        HttpResponse<String> home = page("/", null);

        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body()).contains("<html lang=\"fr\">").contains("De quoi avez-vous besoin\u202f?")
                .contains(">Pad</h2>").contains(">Visioconférence</h2>").doesNotContain(">Sondage</h2>")
                .contains("1 membre peut vous accueillir maintenant")
                .containsPattern("href=\"/go/pad\\?lang=fr\"\\s+rel=\"nofollow\">Ouvrir un pad</a>")
                .contains("Une alternative à Google Docs");
        // visio has no eligible host: no dead button, a sentence instead.
        assertThat(home.body()).doesNotContain("/go/visio").contains("Aucun membre ne peut vous accueillir");
    }

    @Test
    void theLanguageFollowsTheBrowserAndTheSwitchLink() {
        assertThat(page("/", "de-DE,de;q=0.9,en;q=0.5").body()).contains("<html lang=\"en\">")
                .contains("What do you need?").contains("Open a pad").contains("href=\"?lang=fr\"");
        assertThat(page("/", "en-GB").body()).contains("<html lang=\"en\">");
        assertThat(page("/?lang=fr", "en-GB").body()).contains("<html lang=\"fr\">").contains("href=\"?lang=en\"");
        assertThat(page("/?lang=xx", "ja").body()).contains("<html lang=\"fr\">");
        assertThat(page("/", "en").headers().firstValue("Content-Language")).hasValue("en");
    }

    @Test
    void aServicePageListsEveryHostWithItsStateInWordsAndALinkToIt() {
        String body = page("/services/pad?lang=en", null).body();

        assertThat(body).contains("Association Alpha").contains("(France)").contains("Coopérative Bêta").contains("(Belgium)")
                .contains(">open<").contains(">down<").doesNotContain("href=\"https://pad-2.beta.example.org/\"")
                .contains("href=\"https://pad-1.alpha.example.org/\"")
                .contains("<meter").contains("How we choose");
    }

    @Test
    void aHostIsListedUnderTheNamePeopleKnowItsSoftwareBy() {
        report("alpha", new HostReport("visio-1", "visio", "jitsi", "https://visio-1.alpha.example.org/", HostStatus.UP,
                true, 10, 100, null, null), new HostReport("visio-3", "visio", "some-new-software",
                "https://visio-3.alpha.example.org/", HostStatus.UP, true, 10, 100, null, null));

        String body = page("/services/visio?lang=en", null).body();

        assertThat(body).contains(">Jitsi Meet<").doesNotContain(">jitsi<").contains(">some-new-software<");
    }

    @Test
    void aHostThatCountsNoUsersSaysSoInsteadOfShowingAnEmptyLoadBar() {
        report("alpha", host("alpha", "pad-1", "pad", 10, 100), usersUnknown(host("alpha", "drop-1", "drop", 0, 50)),
                host("alpha", "drop-2", "drop", 20, 50));

        String fr = page("/services/drop?lang=fr", null).body();
        String en = page("/services/drop?lang=en", null).body();

        for (String body : new String[] {fr, en}) {
            assertThat(body).contains("href=\"https://drop-1.alpha.example.org/\"")
                    .containsOnlyOnce("<meter").contains("value=\"40\"").doesNotContain(">0 %<");
        }
        assertThat(fr).contains(">nombre d’utilisateurs inconnu<").doesNotContain("users unknown");
        assertThat(en).contains(">users unknown<").doesNotContain("inconnu");
    }

    @Test
    void noHostIsAPageWith503InThePersonsLanguageListingFullAndClosedHosts() {
        HttpResponse<String> none = page("/go/visio", "fr-FR,fr;q=0.9");

        assertThat(none.statusCode()).isEqualTo(503);
        assertThat(none.headers().firstValue("Retry-After")).hasValue("30");
        assertThat(none.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(none.body()).contains("<html lang=\"fr\">").contains("Visioconférence\u202f: aucun membre disponible pour le moment")
                .contains("Association Alpha").contains(">complet<")
                .contains("Coopérative Bêta").contains(">fermé aux nouveaux venus<")
                .doesNotContain("Exception").doesNotContain("at org.");
    }

    @Test
    void scriptsAndApisStillGetJsonFromGo() {
        HttpResponse<String> none = get("/go/visio");

        assertThat(none.statusCode()).isEqualTo(503);
        assertThat(none.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    @Test
    void anUnknownServiceIsAFriendly404Page() {
        HttpResponse<String> missing = page("/services/teleport?lang=en", null);

        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("No such service").contains("href=\"/?lang=en\"");
        assertThat(page("/go/teleport", "en").statusCode()).isEqualTo(404);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/services/pad", "/services/visio", "/go/visio", "/services/teleport"})
    void everyTextIsTranslatedAndNothingComesFromElsewhere(String path) {
        for (String lang : new String[] {"fr", "en"}) {
            HttpResponse<String> response = page(path + "?lang=" + lang, null);
            String body = response.body();

            assertThat(body).as("unresolved message keys in %s (%s)", path, lang).doesNotContain("??");
            assertThat(body).doesNotContainIgnoringCase("<script").doesNotContain("@import");
            assertThat(response.headers().allValues("Set-Cookie")).isEmpty();
            Matcher assets = Pattern.compile("(?:src|<link[^>]*href)=\"([^\"]+)\"").matcher(body);
            while (assets.find()) {
                assertThat(assets.group(1)).as("asset in %s", path).startsWith("/static/");
            }
        }
    }

    @Test
    void theStylesheetIsServedLocally() {
        HttpResponse<String> css = get("/static/style.css");

        assertThat(css.statusCode()).isEqualTo(200);
        assertThat(css.body()).contains(".card").doesNotContain("url(http");
    }
}
